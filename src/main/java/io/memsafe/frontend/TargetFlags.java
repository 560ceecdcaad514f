package io.memsafe.frontend;

import io.memsafe.ir.DataModel;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The data model a compile command builds for, read from its flags the way the compiler would:
 * the target triple ({@code --target=}, {@code -target}, or a cross compiler's name such as
 * {@code i686-linux-gnu-gcc}), {@code -m32}/{@code -m64}/{@code -mx32}/{@code -mabi=ilp32}, the MSVC
 * drivers ({@code cl.exe}, {@code clang-cl}; a {@code x86} host/target folder in cl's path is the
 * 32-bit compiler) and {@code _WIN32}/{@code _WIN64} defined on the command line. Null when the
 * command names no target: the host's model applies then.
 */
final class TargetFlags {
    private TargetFlags() { }

    /** Triples whose architecture has 32-bit pointers. */
    private static final Pattern ARCH32 = Pattern.compile(
            "(i[3-6]86|x86|arm|armv[4-8][a-z0-9]*|armeb|thumb[a-z0-9]*|mips|mipsel|powerpc|ppc|riscv32|wasm32|sparc|arm64_32|aarch64_32|m68k|hexagon)"
                    + "(-.*)?|.*-gnux32|.*_ilp32");
    private static final Pattern ARCH64 = Pattern.compile(
            "(x86_64|amd64|x64|aarch64|arm64|arm64e|mips64|mips64el|powerpc64|powerpc64le|ppc64|ppc64le|riscv64|wasm64|sparcv9|sparc64|s390x|loongarch64)(-.*)?");

    static DataModel dataModel(List<String> args) {
        String triple = null;
        Boolean bits32 = null;
        boolean windows = false;
        if (!args.isEmpty()) {
            String path = args.get(0).replace('\\', '/').toLowerCase(Locale.ROOT);
            String compiler = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.exe$", "");
            if (compiler.equals("cl") || compiler.equals("clang-cl")) {
                windows = true;
                // Visual Studio's layout: .../bin/Hostx64/x86/cl.exe is the compiler that targets 32-bit x86
                if (path.contains("/x86/cl")) bits32 = true;
            } else {
                String unversioned = compiler.replaceFirst("-[0-9][0-9.]*$", "");
                int dash = unversioned.lastIndexOf('-');
                if (dash > 0 && unversioned.substring(dash + 1).matches("gcc|g\\+\\+|cc|c\\+\\+|clang|clang\\+\\+")) {
                    triple = unversioned.substring(0, dash);
                }
            }
        }
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i), next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (a.startsWith("--target=")) triple = a.substring(9);
            else if ((a.equals("-target") || a.equals("--target")) && next != null) triple = args.get(++i);
            else if (a.equals("-m32") || a.equals("-mx32") || a.equals("-mabi=ilp32")) bits32 = true;
            else if (a.equals("-m64") || a.equals("-mabi=lp64")) bits32 = false;
            else if (a.matches("[-/]D_WIN(32|64)(=.*)?")) {
                windows = true;
                if (a.startsWith("_WIN64", 2)) bits32 = false;
            } else if ((a.equals("-D") || a.equals("/D")) && next != null && next.matches("_WIN(32|64)(=.*)?")) {
                windows = true;
                if (next.startsWith("_WIN64")) bits32 = false;
                i++;
            }
        }
        if (triple != null) {
            String t = triple.toLowerCase(Locale.ROOT);
            if (t.contains("windows") || t.contains("win32") || t.contains("mingw")) windows = true;
            if (bits32 == null && ARCH32.matcher(t).matches()) bits32 = true;
            else if (bits32 == null && ARCH64.matcher(t).matches()) bits32 = false;
        }
        if (Boolean.TRUE.equals(bits32)) return DataModel.ILP32;
        if (windows) return DataModel.LLP64;
        return bits32 != null ? DataModel.LP64 : null;
    }
}
