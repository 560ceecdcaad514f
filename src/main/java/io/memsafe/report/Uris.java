package io.memsafe.report;

import java.nio.file.Path;

/** File names as SARIF and users want them: relative to the working directory when below it. */
public final class Uris {
    private Uris() { }

    public static String display(String file) {
        if (file == null || file.isEmpty()) return "<unknown>";
        try {
            Path p = Path.of(file).toAbsolutePath().normalize();
            Path cwd = Path.of("").toAbsolutePath().normalize();
            if (p.startsWith(cwd)) return cwd.relativize(p).toString();
            return p.toString();
        } catch (RuntimeException e) {
            return file;
        }
    }

    /** A SARIF artifact URI: relative (to %SRCROOT%) when below the working directory, else a file URI. */
    public static String uri(String file) {
        String d = display(file);
        if (d.startsWith("/")) return Path.of(d).toUri().toString();
        return d.replace('\\', '/').replace(" ", "%20");
    }
}
