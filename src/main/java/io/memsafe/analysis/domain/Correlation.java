package io.memsafe.analysis.domain;

/**
 * A fact a join would lose, kept beside the state: when the scalar {@code x} holds a value in
 * {@code when}, the scalar {@code y} holds a value in {@code then}. Made where two paths meet that
 * hold disjoint values of {@code x} ({@code if (bytes > 16 || (bytes == 16 && rest)) return;} leaves
 * {@code bytes == 16} only with {@code rest == 0}); a later test on either variable uses it.
 */
public record Correlation(Region x, Interval when, Region y, Value then) implements Comparable<Correlation> {
    @Override
    public int compareTo(Correlation o) {
        int c = x.compareTo(o.x);
        if (c == 0) c = y.compareTo(o.y);
        if (c == 0) c = Long.compare(when.lo(), o.when.lo());
        if (c == 0) c = Long.compare(when.hi(), o.when.hi());
        return c;
    }
}
