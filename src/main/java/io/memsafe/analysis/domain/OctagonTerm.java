package io.memsafe.analysis.domain;

/**
 * A dimension of an {@link Octagon}: either a variable of the analysis ({@code minus == null}) or
 * the difference {@code plus - minus} of two of them, an anchor that {@link Octagon} introduces
 * itself so that a three-variable fact such as {@code n + used <= size} (that is,
 * {@code n - (size - used) <= 0}) becomes a two-term octagonal constraint. Ordered by plus, then
 * minus with variables before differences, so the matrix layout and every iteration over it are
 * deterministic.
 */
record OctagonTerm<K extends Comparable<K>>(K plus, K minus) implements Comparable<OctagonTerm<K>> {
    static <K extends Comparable<K>> OctagonTerm<K> variable(K k) { return new OctagonTerm<>(k, null); }

    static <K extends Comparable<K>> OctagonTerm<K> difference(K plus, K minus) { return new OctagonTerm<>(plus, minus); }

    boolean isDifference() { return minus != null; }

    boolean mentions(K k) { return plus.compareTo(k) == 0 || (minus != null && minus.compareTo(k) == 0); }

    @Override
    public int compareTo(OctagonTerm<K> o) {
        int c = plus.compareTo(o.plus);
        if (c != 0) return c;
        if (minus == null || o.minus == null) return minus == null ? (o.minus == null ? 0 : -1) : 1;
        return minus.compareTo(o.minus);
    }

    @Override
    public String toString() { return minus == null ? String.valueOf(plus) : "(" + plus + " - " + minus + ")"; }
}
