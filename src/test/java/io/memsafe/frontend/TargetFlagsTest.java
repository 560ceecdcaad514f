package io.memsafe.frontend;

import io.memsafe.ir.DataModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetFlagsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "gcc -O2 -c a.c | none",
            "gcc -m64 -c a.c | LP64",
            "gcc -m32 -c a.c | ILP32",
            "gcc -mx32 -c a.c | ILP32",
            "clang --target=i686-linux-gnu -c a.c | ILP32",
            "clang -target armv7a-linux-gnueabihf -c a.c | ILP32",
            "clang --target=arm-none-eabi -c a.c | ILP32",
            "clang --target=aarch64-linux-gnu -c a.c | LP64",
            "clang --target=aarch64-linux-gnu -mabi=ilp32 -c a.c | ILP32",
            "clang --target=x86_64-pc-windows-msvc -c a.c | LLP64",
            "clang --target=i686-pc-windows-msvc -c a.c | ILP32",
            "clang --target=x86_64-pc-win32 -c a.c | LLP64",
            "i686-linux-gnu-gcc -c a.c | ILP32",
            "arm-linux-gnueabihf-gcc -c a.c | ILP32",
            "x86_64-w64-mingw32-gcc -c a.c | LLP64",
            "aarch64-linux-gnu-gcc-12 -c a.c | LP64",
            "cl.exe /c a.c | LLP64",
            "C:/VS/VC/Tools/MSVC/bin/Hostx64/x86/cl.exe /c a.c | ILP32",
            "clang-cl /c a.c | LLP64",
            "gcc -D_WIN32 -c a.c | LLP64",
            "gcc -D_WIN64 -c a.c | LLP64",
            "gcc -m32 -D_WIN32 -c a.c | ILP32",
            "gcc -m32 -m64 -c a.c | LP64",
    })
    void targetFlagsChooseTheModel(String command, String model) {
        List<String> args = List.of(command.trim().split("\\s+"));
        assertThat(TargetFlags.dataModel(args)).isEqualTo(model == null ? null : DataModel.valueOf(model.trim()));
    }
}
