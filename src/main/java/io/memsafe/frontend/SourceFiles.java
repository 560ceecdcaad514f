package io.memsafe.frontend;

import io.memsafe.ir.SourceLoc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Source text by file, for columns (CDT gives offsets) and for the source line shown under a finding. */
public final class SourceFiles {
    private static final ConcurrentHashMap<String, int[]> LINE_STARTS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, List<String>> LINES = new ConcurrentHashMap<>();

    private SourceFiles() { }

    /** Lets go of every file read so far: the next use reads the file again. */
    public static void forget() {
        LINE_STARTS.clear();
        LINES.clear();
    }

    public static SourceLoc locate(String file, int line, int offset) {
        int[] starts = LINE_STARTS.computeIfAbsent(file, SourceFiles::lineStarts);
        int col = 1;
        if (line >= 1 && line <= starts.length) col = Math.max(1, offset - starts[line - 1] + 1);
        return new SourceLoc(file, line, col);
    }

    /** The text of a 1-based line, or null. */
    public static String line(String file, int line) {
        List<String> lines = LINES.computeIfAbsent(file, f -> {
            try {
                return Files.readAllLines(Path.of(f), StandardCharsets.ISO_8859_1);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    }

    private static int[] lineStarts(String file) {
        try {
            byte[] b = Files.readAllBytes(Path.of(file));
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < b.length; i++) if (b[i] == '\n') s.add(i + 1);
            return s.stream().mapToInt(Integer::intValue).toArray();
        } catch (IOException | RuntimeException e) {
            return new int[0];
        }
    }
}
