package io.memsafe.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of the files one scan reports on, read once per scan. Not the front end's process-wide
 * cache: a second scan in the same process (a test, the baseline run) must see the files as they are now.
 */
public final class SourceText {
    private final Map<String, List<String>> lines = new HashMap<>();

    /** Every line of the file (ISO-8859-1, so that any byte survives), or an empty list if unreadable. */
    public synchronized List<String> lines(String file) {
        return lines.computeIfAbsent(file, f -> {
            try {
                return Files.readAllLines(Path.of(f), StandardCharsets.ISO_8859_1);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
    }

    /** The text of a 1-based line, or null. */
    public String line(String file, int line) {
        List<String> l = lines(file);
        return line >= 1 && line <= l.size() ? l.get(line - 1) : null;
    }
}
