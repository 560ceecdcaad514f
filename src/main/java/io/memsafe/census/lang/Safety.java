package io.memsafe.census.lang;

/**
 * Which side of the memory-safety line a language is on.
 *
 * <p>{@link #OTHER} covers markup, data, build and shell scripts: they are counted in the census,
 * but they are neither memory-unsafe nor a replacement for it, so they are left out of both the
 * numerator and the denominator of the memory-unsafe share (otherwise a project that adds
 * documentation would look "safer").
 */
public enum Safety {
    UNSAFE, SAFE, OTHER;

    public String label() {
        return switch (this) {
            case UNSAFE -> "memory-unsafe";
            case SAFE -> "memory-safe";
            case OTHER -> "other";
        };
    }
}
