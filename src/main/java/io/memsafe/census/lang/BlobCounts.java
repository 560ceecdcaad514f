package io.memsafe.census.lang;

/**
 * The counts of one file's content. They depend only on the bytes and the language, which is why history can
 * cache them under the git blob id and never count the same content twice.
 */
public record BlobCounts(String language, long code, long comment, long blank, RustUnsafe rustUnsafe) {

    /** Physical lines: every line is exactly one of code, comment or blank. */
    public long lines() {
        return code + comment + blank;
    }
}
