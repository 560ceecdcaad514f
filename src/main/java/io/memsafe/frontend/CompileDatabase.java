package io.memsafe.frontend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a Clang JSON compilation database (compile_commands.json, as CMake and Bear write it). */
public final class CompileDatabase {
    private CompileDatabase() { }

    public static List<CompileUnit> read(Path db) throws IOException {
        JsonNode root = new ObjectMapper().readTree(db.toFile());
        if (root == null || !root.isArray()) throw new IOException(db + ": not a JSON array of compile commands");
        List<CompileUnit> units = new ArrayList<>();
        for (JsonNode e : root) {
            Path dir = Path.of(e.path("directory").asText("."));
            String file = e.path("file").asText(null);
            if (file == null) continue;
            List<String> args = new ArrayList<>();
            if (e.has("arguments")) for (JsonNode a : e.get("arguments")) args.add(a.asText());
            else if (e.has("command")) args.addAll(splitCommand(e.get("command").asText()));
            Path f = dir.resolve(file).normalize();
            units.add(fromArguments(f, dir, args));
        }
        return units;
    }

    /**
     * Builds a unit from a compiler command line's -I, -D, -isystem, -iquote, -x, the compiler's name
     * and the target flags that choose its data model ({@link TargetFlags}).
     */
    public static CompileUnit fromArguments(Path file, Path dir, List<String> args) {
        List<Path> inc = new ArrayList<>();
        Map<String, String> defs = new LinkedHashMap<>();
        boolean cxx = CompileUnit.isCplusplusFile(file);
        if (!args.isEmpty() && args.get(0).contains("++")) cxx = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (a.equals("-I") || a.equals("-isystem") || a.equals("-iquote") || a.equals("-idirafter")) {
                if (next != null) inc.add(dir.resolve(next).normalize());
                i++;
            } else if (a.startsWith("-I")) inc.add(dir.resolve(a.substring(2)).normalize());
            else if (a.startsWith("-isystem")) inc.add(dir.resolve(a.substring(8)).normalize());
            else if (a.equals("-D")) {
                if (next != null) define(defs, next);
                i++;
            } else if (a.startsWith("-D")) define(defs, a.substring(2));
            else if (a.equals("-U")) { if (next != null) defs.remove(next); i++; }
            else if (a.startsWith("-U")) defs.remove(a.substring(2));
            else if (a.equals("-x") && next != null) { cxx = next.startsWith("c++"); i++; }
        }
        return new CompileUnit(file, inc, defs, cxx, TargetFlags.dataModel(args));
    }

    public static void define(Map<String, String> defs, String d) {
        int eq = d.indexOf('=');
        if (eq < 0) defs.put(d, "1");
        else defs.put(d.substring(0, eq), d.substring(eq + 1));
    }

    /** Splits a shell command line (quotes and backslashes as a POSIX shell reads them). */
    static List<String> splitCommand(String cmd) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < cmd.length()) cur.append(cmd.charAt(++i));
                else cur.append(c);
            } else if (c == '\'' || c == '"') { quote = c; inWord = true; }
            else if (c == '\\' && i + 1 < cmd.length()) { cur.append(cmd.charAt(++i)); inWord = true; }
            else if (Character.isWhitespace(c)) {
                if (inWord) { out.add(cur.toString()); cur.setLength(0); inWord = false; }
            } else { cur.append(c); inWord = true; }
        }
        if (inWord) out.add(cur.toString());
        return out;
    }
}
