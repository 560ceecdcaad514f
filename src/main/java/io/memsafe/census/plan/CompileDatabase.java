package io.memsafe.census.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps source files to CMake targets using a compile database (compile_commands.json). CMake writes each object
 * to {@code CMakeFiles/<target>.dir/...}, so the target is in the object path of every entry; that is the only
 * CMake convention relied on.
 */
public final class CompileDatabase {

    private static final Pattern TARGET = Pattern.compile("CMakeFiles/([^/\\s]+)\\.dir/");

    private CompileDatabase() {
    }

    /** compile_commands.json in the tree's top or its build/ directory, if any. */
    public static Path find(Path root) {
        for (Path p : new Path[]{root.resolve("compile_commands.json"), root.resolve("build").resolve("compile_commands.json")}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Relative source path to CMake target; files the database does not place in a target are absent. */
    public static Map<String, String> targets(Path db, Path root) throws IOException {
        Map<String, String> out = new HashMap<>();
        JsonNode entries = new ObjectMapper().readTree(db.toFile());
        if (entries == null || !entries.isArray()) {
            return out;
        }
        Path absRoot = root.toAbsolutePath().normalize();
        for (JsonNode e : entries) {
            String file = e.path("file").asText("");
            String dir = e.path("directory").asText("");
            if (file.isEmpty()) {
                continue;
            }
            Path f = Path.of(file);
            if (!f.isAbsolute()) {
                f = Path.of(dir.isEmpty() ? "." : dir).resolve(f);
            }
            f = f.toAbsolutePath().normalize();
            if (!f.startsWith(absRoot)) {
                continue;
            }
            String evidence = e.path("output").asText("") + " " + e.path("command").asText("") + " " + e.path("arguments").toString();
            Matcher m = TARGET.matcher(evidence);
            if (m.find()) {
                out.put(absRoot.relativize(f).toString().replace('\\', '/'), m.group(1));
            }
        }
        return out;
    }
}
