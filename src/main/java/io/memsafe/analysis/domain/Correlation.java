package io.memsafe.analysis.domain;

/**
 * A fact a join would lose, kept beside the state: when the scalar {@code x} holds a value in
 * {@code when}, the scalar {@code y} holds a value in {@code then}. Made where two paths meet that
 * hold disjoint values of {@code x} ({@code if (bytes > 16 || (bytes == 16 && rest)) return;} leaves
 * {@code bytes == 16} only with {@code rest == 0}); a later test on either variable uses it.
 * <p>{@code outside}: the fact holds when {@code x} is <em>not</em> in {@code when}. Made where one of
 * the two paths holds exactly the values {@code when} (and nothing an unconstrained source gives) and
 * the other path anything: {@code p = len ? malloc(len * 2) : strdup("")} leaves "len != 0 implies
 * p is the block of len * 2 bytes", which a test excluding 0 decides even for a length that is
 * otherwise unknown.
 */
public record Correlation(Region x, Interval when, Region y, Value then, boolean outside) implements Comparable<Correlation> {
    public Correlation(Region x, Interval when, Region y, Value then) { this(x, when, y, then, false); }

    @Override
    public int compareTo(Correlation o) {
        int c = x.compareTo(o.x);
        if (c == 0) c = y.compareTo(o.y);
        if (c == 0) c = Long.compare(when.lo(), o.when.lo());
        if (c == 0) c = Long.compare(when.hi(), o.when.hi());
        if (c == 0) c = Boolean.compare(outside, o.outside);
        return c;
    }
}
