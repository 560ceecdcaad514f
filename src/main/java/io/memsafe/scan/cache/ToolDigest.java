package io.memsafe.scan.cache;

import io.memsafe.analysis.engine.ProgramAnalyzer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of memsafe's own code (the jar, or the class directory when run from a build): results
 * kept by one build are never taken by another, whose engine, models or checkers may differ.
 */
final class ToolDigest {
    private static volatile String digest;

    private ToolDigest() { }

    static String get() throws IOException {
        String d = digest;
        if (d == null) digest = d = compute();
        return d;
    }

    private static String compute() throws IOException {
        Path code;
        try {
            code = Path.of(ProgramAnalyzer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("where memsafe's code is cannot be told: " + e.getMessage(), e);
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        if (Files.isDirectory(code)) {
            try (Stream<Path> s = Files.walk(code)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of(code);
        }
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            md.update(code.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                while (in.read(buf) >= 0) { /* the digest reads along */ }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
