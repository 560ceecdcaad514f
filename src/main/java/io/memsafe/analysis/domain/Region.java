package io.memsafe.analysis.domain;

import io.memsafe.ir.SourceLoc;

/**
 * An abstract memory block: a variable's storage, an allocation site, a string literal. {@code key}
 * is stable across runs (it names the source position), which keeps every iteration order and so
 * the output deterministic.
 */
public final class Region implements Comparable<Region> {
    public enum Kind {
        STACK("stack"), HEAP("heap"), GLOBAL("global"), STRING_LITERAL("string literal"), UNKNOWN("unknown");
        public final String label;
        Kind(String label) { this.label = label; }
    }

    public final String key;
    public final Kind kind;
    /** Size in bytes (may be an interval, or tainted for a size from input). */
    public final Value size;
    public final String description;
    public final SourceLoc allocated;
    /** How it was allocated: "malloc", "alloca", "new[]", "declaration", ... (deallocator matching). */
    public final String family;
    /**
     * What the region holds where a state has no entry for it: a global's or a literal's contents at
     * program start. Null for storage that only exists once a state creates it.
     */
    public volatile Contents initial;

    public Region(String key, Kind kind, Value size, String description, SourceLoc allocated, String family) {
        this.key = key;
        this.kind = kind;
        this.size = size;
        this.description = description;
        this.allocated = allocated;
        this.family = family;
    }

    /**
     * A deterministic total order on keys, cheap where it is used most (the sorted maps of every
     * abstract state): keys share long prefixes (the file, the function), so the hash of the key
     * (a function of its text only, computed once) decides first and the text only breaks ties.
     */
    @Override
    public int compareTo(Region o) {
        if (this == o) return 0;
        int c = Integer.compare(key.hashCode(), o.key.hashCode());
        return c != 0 ? c : key.compareTo(o.key);
    }

    @Override
    public boolean equals(Object o) { return o instanceof Region r && r.key.equals(key); }

    @Override
    public int hashCode() { return key.hashCode(); }

    @Override
    public String toString() { return description; }
}
