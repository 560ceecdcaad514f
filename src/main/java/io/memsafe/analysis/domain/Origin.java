package io.memsafe.analysis.domain;

import io.memsafe.ir.SourceLoc;

/**
 * Where a value came from, for the trace of a finding: an untrusted-input source or a constant.
 * {@code wrap}, when not null, says where arithmetic on the untrusted value wrapped around its type
 * on the way (an allocation size {@code n * 4} computed in 32 bits, a {@code len - 4} below zero).
 */
public record Origin(String what, SourceLoc loc, String wrap, SourceLoc wrapLoc, boolean wrapShrinks, boolean capped) {
    public Origin(String what, SourceLoc loc) { this(what, loc, null, null, false, false); }

    public Origin(String what, SourceLoc loc, String wrap, SourceLoc wrapLoc, boolean wrapShrinks) { this(what, loc, wrap, wrapLoc, wrapShrinks, false); }

    /**
     * The same source, checked against the length of the buffer it counts elements of by a test the
     * relations cannot hold ({@code len < 8 + n * 16}; see {@code engine.BufferLengths}): still untrusted
     * everywhere else, but no evidence of running past that buffer.
     */
    public Origin asCapped() { return capped ? this : new Origin(what, loc, wrap, wrapLoc, wrapShrinks, true); }

    /**
     * The same source, after arithmetic that may wrap around at {@code at}; {@code shrinks}: the wrap can
     * make the value smaller than the exact result (a product past the maximum), not only huge (a
     * difference below zero in an unsigned type).
     */
    public Origin wrapped(String how, SourceLoc at, boolean shrinks) { return new Origin(what, loc, how, at, shrinks, capped); }

    /** The same source as {@code o}, whatever arithmetic each went through since. */
    public boolean sameSource(Origin o) { return what.equals(o.what) && loc.equals(o.loc); }
}
