package io.memsafe.scan.cache;

import io.memsafe.frontend.CompileUnit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A content digest per translation unit: its flags, its text and the text of every header its
 * preprocessing read. Two scans that give a unit the same digest lower it to the same IR, so the
 * digest stands for the unit's code in the keys of {@link ResultCache}.
 */
public final class UnitDigests {
    private final Map<String, String> byUnit;

    private UnitDigests(Map<String, String> byUnit) { this.byUnit = byUnit; }

    /**
     * {@code includes}: per unit, in the same order, the files its preprocessing read (a name that
     * starts with {@code ?} is an include that was not found), as the front end reports them.
     */
    public static UnitDigests of(List<CompileUnit> units, List<List<String>> includes, boolean systemHeaders) {
        Map<String, String> files = new HashMap<>();
        // a file compiled twice with other flags is one unit of the program: its digest covers both
        Map<String, StringBuilder> perUnit = new TreeMap<>();
        for (int i = 0; i < units.size(); i++) {
            CompileUnit u = units.get(i);
            String path = u.file().toAbsolutePath().normalize().toString();
            StringBuilder sb = perUnit.computeIfAbsent(path, p -> new StringBuilder());
            sb.append("unit ").append(path).append(' ').append(fileDigest(files, path)).append('\n');
            sb.append("c++ ").append(u.cplusplus()).append(" system-headers ").append(systemHeaders).append('\n');
            // the data model the flags chose (null: the host's, or LLP64 for a unit that includes the Windows kernel headers)
            sb.append("data-model ").append(u.dataModel()).append('\n');
            for (Path d : u.includeDirs()) sb.append("-I").append(d.toAbsolutePath().normalize()).append('\n');
            for (Map.Entry<String, String> d : new TreeMap<>(u.defines()).entrySet()) sb.append("-D").append(d.getKey()).append('=').append(d.getValue()).append('\n');
            for (String h : i < includes.size() ? includes.get(i) : List.<String>of()) {
                sb.append("include ").append(h).append(' ').append(h.startsWith("?") ? "" : fileDigest(files, h)).append('\n');
            }
        }
        Map<String, String> out = new HashMap<>();
        perUnit.forEach((path, text) -> out.put(path, sha256(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return new UnitDigests(out);
    }

    /** The digest of the unit a function or initialiser was lowered in ({@code io.memsafe.ir.Function#unit}). */
    public String of(String unit) {
        String d = unit == null ? null : byUnit.get(unit);
        return d == null ? "-" : d;
    }

    private static String fileDigest(Map<String, String> known, String path) {
        return known.computeIfAbsent(path, p -> {
            try {
                return sha256(Files.readAllBytes(Path.of(p)));
            } catch (IOException | RuntimeException e) {
                return "unreadable";
            }
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
