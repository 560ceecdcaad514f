package io.memsafe.report;

import java.nio.file.Path;

/** File names as users and SARIF want them. */
public final class Uris {
    private Uris() { }

    /** Relative to the working directory when below it, as compilers print them. */
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

    /** A relative path as a URI reference (spaces and other reserved characters escaped). */
    public static String escape(String relative) {
        try {
            String u = new java.net.URI(null, null, relative, null).toASCIIString();
            // a colon in the first segment would read as a scheme
            int colon = u.indexOf(':'), slash = u.indexOf('/');
            return colon >= 0 && (slash < 0 || colon < slash) ? "./" + u : u;
        } catch (java.net.URISyntaxException e) {
            return relative;
        }
    }

    /** An absolute file URI, for files outside the source root. */
    public static String fileUri(String file) {
        try {
            return Path.of(file).toAbsolutePath().normalize().toUri().toString();
        } catch (RuntimeException e) {
            return file;
        }
    }
}
