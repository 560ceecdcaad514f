package io.memsafe.scan;

import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.report.SourceRoot;
import io.memsafe.report.SourceText;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

/**
 * A finding's identity across edits and checkouts, as GitHub code scanning matches alerts between
 * commits with {@code partialFingerprints}: the rule, the file relative to the source root, the
 * function, and the source text of the access and of each trace step (allocation, input, call),
 * each with comments and whitespace removed. No line number, column, message (messages quote line
 * numbers) or absolute path goes in, so inserting lines above a finding or checking the tree out
 * elsewhere keeps it. Identical keys in one scan are told apart by their order, as GitHub does.
 */
public final class Fingerprints {
    private final SourceRoot root;
    private final SourceText source;
    private final Map<String, Integer> seen = new HashMap<>();

    public Fingerprints(SourceRoot root, SourceText source) {
        this.root = root;
        this.source = source;
    }

    /** Call in report order: the occurrence index of equal keys depends on it. */
    public String of(Finding f, String function) {
        StringBuilder key = new StringBuilder();
        key.append(f.rule().id()).append('\n').append(file(f.loc().file())).append('\n')
                .append(function == null ? "" : function).append('\n')
                .append(normalise(source.line(f.loc().file(), f.loc().line())));
        for (TraceStep t : f.trace()) {
            if (t.loc().equals(f.loc())) continue;
            key.append('\n').append(file(t.loc().file())).append(':').append(normalise(source.line(t.loc().file(), t.loc().line())));
        }
        String hash = sha256(key.toString()).substring(0, 32);
        int n = seen.merge(hash, 1, Integer::sum);
        return hash + ":" + n;
    }

    private String file(String file) {
        String rel = root.relative(file);
        if (rel != null) return rel;
        // outside the root (a system header): its name only, which does not depend on where it is installed
        try {
            Path name = Path.of(file).getFileName();
            return name == null ? "" : name.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The line without comments and whitespace: re-indenting or annotating it does not change a fingerprint. */
    public static String normalise(String line) {
        if (line == null) return "";
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < line.length()) out.append(line.charAt(++i));
                else if (c == quote) inString = false;
                continue;
            }
            if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
                out.append(c);
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                int end = line.indexOf("*/", i + 2);
                if (end < 0) break;
                i = end + 1;
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
