package io.memsafe.census;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Shared output helpers: the JSON mapper, number formatting, and writing to stdout or {@code -o FILE}. */
public final class Output {

    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Output() {
    }

    /** Writes text to the file, or to {@code out} when no file is given. */
    public static void write(String text, Path file, PrintWriter out) throws IOException {
        if (file == null) {
            out.print(text);
            out.flush();
        } else {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    public static void writeBytes(byte[] bytes, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, bytes);
    }

    /** A share as a percentage with one decimal, or "-" when undefined. */
    public static String percent(Double share) {
        return share == null ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A share rounded to 4 decimals for JSON/CSV, keeping output stable across platforms. */
    public static Double round(Double share) {
        return share == null ? null : Math.round(share * 10000.0) / 10000.0;
    }

    public static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
