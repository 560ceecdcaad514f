package io.memsafe.scan;

import io.memsafe.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The data model comes from each compile entry's flags, the Windows kernel headers, .memsafe.yml or --data-model, in rising order. */
class DataModelScanTest {
    /** Eight bytes into a long: an overflow where long is 4 bytes (LLP64, ILP32), fine on LP64. */
    private static final String LONG_SLOT = "#include <string.h>\nvoid keep(const long long *v) { long slot; memcpy(&slot, v, 8); }\n";

    private static List<String> rules(ScanRun run) {
        List<String> ids = new ArrayList<>();
        run.results().forEach(r -> ids.add(r.get("ruleId").asText() + ":" + r.at("/locations/0/physicalLocation/region/startLine").asInt()));
        return ids;
    }

    private static ScanRun scan(Path tmp, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("--no-cache", "--no-config"));
        a.addAll(List.of(args));
        return ScanRun.sarif(tmp.resolve("o" + System.nanoTime() + ".sarif"), a.toArray(String[]::new));
    }

    @Test
    void theFlagChoosesTheModelForEveryFile(@TempDir Path tmp) throws IOException {
        Path c = Files.writeString(tmp.resolve("slot.c"), LONG_SLOT);
        assertThat(rules(scan(tmp, c.toString()))).isEmpty();
        assertThat(rules(scan(tmp, "--data-model", "LP64", c.toString()))).isEmpty();
        assertThat(rules(scan(tmp, "--data-model", "llp64", c.toString()))).containsExactly("MS121:2");
        assertThat(rules(scan(tmp, "--data-model", "ILP32", c.toString()))).containsExactly("MS121:2");
        assertThat(Main.run("scan", "--no-cache", "--data-model", "LP32", c.toString())).isEqualTo(2);
    }

    @Test
    void compileEntriesCarryTheirTargetAndTheFlagOverridesThem(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("a.c"), LONG_SLOT);
        Files.writeString(tmp.resolve("b.c"), LONG_SLOT.replace("keep", "keep_b"));
        Files.writeString(tmp.resolve("w.c"), LONG_SLOT.replace("keep", "keep_w"));
        Path db = Files.writeString(tmp.resolve("compile_commands.json"), "["
                + "{\"directory\": \"" + tmp + "\", \"file\": \"a.c\", \"command\": \"gcc -m32 -c a.c\"},"
                + "{\"directory\": \"" + tmp + "\", \"file\": \"b.c\", \"command\": \"gcc -O2 -c b.c\"},"
                + "{\"directory\": \"" + tmp + "\", \"file\": \"w.c\", \"arguments\": [\"clang-cl.exe\", \"/c\", \"w.c\"]}]");
        ScanRun perEntry = scan(tmp, "--compile-commands", db.toString());
        assertThat(perEntry.results()).hasSize(2);
        assertThat(perEntry.results().toString()).contains("a.c").contains("w.c").doesNotContain("b.c");
        assertThat(scan(tmp, "--compile-commands", db.toString(), "--data-model", "LP64").results()).isEmpty();
        assertThat(scan(tmp, "--compile-commands", db.toString(), "--data-model", "ILP32").results()).hasSize(3);
    }

    @Test
    void theSettingsFileSetsTheModelAndTheFlagWins(@TempDir Path tmp) throws IOException {
        Path c = Files.writeString(tmp.resolve("slot.c"), LONG_SLOT);
        Path cfg = Files.writeString(tmp.resolve("settings.yml"), "data-model: ILP32\n");
        List<String> base = List.of("--no-cache", "--config", cfg.toString());
        List<String> withCfg = new ArrayList<>(base);
        withCfg.add(c.toString());
        assertThat(rules(ScanRun.sarif(tmp.resolve("c.sarif"), withCfg.toArray(String[]::new)))).containsExactly("MS121:2");
        List<String> overridden = new ArrayList<>(base);
        overridden.addAll(List.of("--data-model", "LP64", c.toString()));
        assertThat(rules(ScanRun.sarif(tmp.resolve("d.sarif"), overridden.toArray(String[]::new)))).isEmpty();
    }

    @Test
    void aWindowsDriverIsLlp64WithoutFlags(@TempDir Path tmp) throws IOException {
        Path c = Files.writeString(tmp.resolve("driver.c"), "#include <ntddk.h>\n" + LONG_SLOT.replace("#include <string.h>\n", "")
                + "SIZE_T slot_size(void) { return sizeof(SIZE_T) + sizeof(ULONG_PTR); }\n");
        assertThat(rules(scan(tmp, c.toString()))).containsExactly("MS121:2");
        // a 32-bit driver: ULONG_PTR and SIZE_T follow the pointer
        assertThat(rules(scan(tmp, "--data-model", "ILP32", c.toString()))).containsExactly("MS121:2");
    }

    @Test
    void theCacheKeepsModelsApart(@TempDir Path tmp) throws IOException {
        Path c = Files.writeString(tmp.resolve("slot.c"), LONG_SLOT);
        String cache = tmp.resolve("cache").toString();
        ScanRun lp64 = ScanRun.sarif(tmp.resolve("a.sarif"), "--no-config", "--cache", cache, c.toString());
        ScanRun ilp32 = ScanRun.sarif(tmp.resolve("b.sarif"), "--no-config", "--cache", cache, "--data-model", "ILP32", c.toString());
        ScanRun lp64Again = ScanRun.sarif(tmp.resolve("c.sarif"), "--no-config", "--cache", cache, c.toString());
        assertThat(rules(lp64)).isEmpty();
        assertThat(rules(ilp32)).containsExactly("MS121:2");
        assertThat(rules(lp64Again)).isEmpty();
    }
}
