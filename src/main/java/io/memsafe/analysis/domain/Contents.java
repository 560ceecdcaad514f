package io.memsafe.analysis.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * What an abstract memory region holds: values stored at exact byte offsets ({@code cells}), a
 * value for every other byte ({@code rest}: unknown for uninitialised storage, zero for zeroed
 * storage, joined with every write at an imprecise offset), and the byte offset of the first
 * NUL element ({@code nul}), which makes strlen/strcpy/strcat exact. Immutable.
 */
public final class Contents {
    public record Cell(long size, Value value) { }

    /** Every region a pointer stored here may designate (computed once: the contents do not change). */
    public java.util.Set<Region> pointees() {
        java.util.Set<Region> out = pointees;
        if (out == null) {
            java.util.Set<Region> all = new java.util.HashSet<>(rest.pts.keySet());
            for (Cell cell : cells.values()) all.addAll(cell.value().pts.keySet());
            pointees = out = all.isEmpty() ? java.util.Set.of() : java.util.Collections.unmodifiableSet(all);
        }
        return out;
    }

    private java.util.Set<Region> pointees;

    public final TreeMap<Long, Cell> cells;
    public final Value rest;
    public final Value nul;
    /**
     * True while no zero has been written to this storage since it was created uninitialised (on
     * every path): a string read from it then certainly runs off its end.
     */
    public final boolean unterminated;
    /**
     * True while nothing at all has been written to this storage since it was created without an
     * initialiser (on every path): any read of it is a read of indeterminate values. Every write,
     * havoc or library fill builds new contents without it, so only fresh storage carries it.
     */
    public final boolean neverWritten;
    /**
     * The bytes that may have been written (on some path) since this storage was created without
     * an initialiser, as byte ranges: bytes outside them hold indeterminate values on every path.
     * NONE for fresh storage; ALL once anything the analysis cannot place (a havoc, an initialiser,
     * a library fill from an unknown place) wrote to it, or for storage that started with known
     * contents. Always joined, never widened: it only grows with the offsets of stores, which are
     * themselves widened, and with a bounded number of ranges, so it is stable when they are.
     */
    public final ByteRanges written;

    public Contents(TreeMap<Long, Cell> cells, Value rest, Value nul) {
        this(cells, rest, nul, false);
    }

    public Contents(TreeMap<Long, Cell> cells, Value rest, Value nul, boolean unterminated) {
        this(cells, rest, nul, unterminated, false, ByteRanges.ALL);
    }

    private Contents(TreeMap<Long, Cell> cells, Value rest, Value nul, boolean unterminated, boolean neverWritten, ByteRanges written) {
        this.cells = cells;
        this.rest = rest;
        this.nul = nul;
        this.unterminated = unterminated;
        this.neverWritten = neverWritten;
        this.written = written;
    }

    /** The written bytes after a store of {@code size} bytes at {@code off}. */
    private ByteRanges writtenAfter(Interval off, long size) {
        if (written.isAll() || off.isBottom() || size <= 0) return written;
        long hi = off.hi() == Interval.POS_INF || off.hi() > Long.MAX_VALUE - size ? Interval.POS_INF : off.hi() + size - 1;
        return written.add(off.lo(), hi);
    }

    /**
     * What a library call left that wrote bytes of this storage ({@code memset}, {@code memcpy},
     * {@code strscpy}): the given cells, rest and terminator, and {@code range} (null: a place the
     * analysis does not know) counted as written. A fill of part of a struct leaves the other
     * members as unwritten as they were.
     */
    public Contents filled(TreeMap<Long, Cell> cells, Value rest, Value nul, boolean unterminated, Interval range) {
        ByteRanges w = range == null || range.lo() == Interval.NEG_INF ? ByteRanges.ALL
                : range.isBottom() ? written : written.add(range.lo(), range.hi());
        return new Contents(cells, rest, nul, unterminated, neverWritten && w.isEmpty(), w);
    }

    /**
     * May any of the bytes [from, from + size) have been written, as far as the hull of the written
     * bytes tells? Reads and joins go by the hull: a hole between two written members is read as
     * written, since a store the analysis placed imprecisely elsewhere may have filled it. Only a copy
     * out to user space looks at the holes themselves ({@link #written}), where padding is the defect.
     */
    public boolean mayBeWritten(long from, long size) {
        if (written.isEmpty()) return false;
        long to = from > Long.MAX_VALUE - size ? Interval.POS_INF : from + size - 1;
        return !written.hull().meet(Interval.of(from, to)).isBottom();
    }

    /** Fresh automatic storage: nothing known. */
    public static Contents uninitialized() { return new Contents(new TreeMap<>(), Value.UNKNOWN, Value.UNKNOWN); }

    /**
     * Fresh storage that nothing has written yet: no terminator has been written either, so a
     * string read from it runs off its end.
     */
    public static Contents unwritten(Value size) {
        return new Contents(new TreeMap<>(), Value.UNKNOWN, Value.UNKNOWN, true, true, ByteRanges.NONE);
    }

    /**
     * Zero-filled storage holding the characters of {@code text} from offset 0, each in an element of
     * {@code elem} bytes, and its terminator after them (a string literal, an array it initialises).
     * Built in one go: a store per character would copy the cells once per character.
     */
    public static Contents ofString(String text, int elem) {
        TreeMap<Long, Cell> m = new TreeMap<>();
        for (int i = 0; i < text.length(); i++) m.put((long) i * elem, new Cell(elem, Value.of(text.charAt(i))));
        return new Contents(m, Value.ZERO, Value.of((long) text.length() * elem));
    }

    /** Zero-filled storage (static objects, calloc): every byte 0, so the first NUL is at offset 0. */
    public static Contents zeroed() { return new Contents(new TreeMap<>(), Value.ZERO, Value.ZERO); }

    /** Every byte counted as written, as by a store the analysis cannot place that may have happened; the values unchanged. */
    public Contents markWritten() {
        return written.isAll() && !neverWritten ? this : new Contents(cells, rest, nul, unterminated, false, ByteRanges.ALL);
    }

    public Contents withNul(Value n) { return new Contents(cells, rest, n, unterminated, neverWritten, written); }

    public Contents withUnterminated(boolean u) { return u == unterminated ? this : new Contents(cells, rest, nul, u, neverWritten, written); }

    /** Can a write of this value put a zero in memory? */
    public static boolean mayBeZero(Value v) { return v.unknown || v.num.contains(0) || v.isBottom(); }

    /** Reads {@code size} bytes at an offset interval. */
    public Value load(Interval off, long size) {
        if (off.isBottom()) return Value.BOTTOM;
        if (off.isSingleton()) {
            Cell c = cells.get(off.lo());
            if (c != null && c.size == size) return c.value;
        }
        Value v = Value.BOTTOM;
        boolean coveredExactly = off.isSingleton() && cells.containsKey(off.lo());
        long from = off.lo() == Interval.NEG_INF ? Long.MIN_VALUE : off.lo() - 16;
        long to = off.hi() == Interval.POS_INF ? Long.MAX_VALUE : Math.max(from, Interval.sat(off.hi(), size));
        for (Map.Entry<Long, Cell> e : cells.subMap(from, true, to, false).entrySet()) {
            long s = e.getKey(), end = s + e.getValue().size;
            if (end <= off.lo() || (off.hi() != Interval.POS_INF && s >= off.hi() + size)) continue;
            // a partial overlap of a cell of another size gives bytes we do not track: unknown
            v = v.join(e.getValue().size == size ? e.getValue().value : Value.UNKNOWN);
        }
        if (!coveredExactly) v = v.join(size > 1 ? wider(rest, size) : rest);
        return v;
    }

    /**
     * {@code size} bytes each holding a value of {@code bytes}. Untrusted bytes (a buffer filled by
     * {@code recv}, an entry point's input) make any integer of that width: a length field of a
     * header read from the wire spans its whole type, not the range of one byte.
     */
    private static Value wider(Value bytes, long size) {
        if (bytes.taint == null || !bytes.pts.isEmpty() || bytes.num.isBottom() || bytes.num.isSingleton() || size > 8) return bytes;
        Interval range = size == 8 ? Interval.of(Interval.NEG_INF, Interval.POS_INF) : Interval.of(0, (1L << (8 * size)) - 1);
        return bytes.withNum(range.join(bytes.num));
    }

    /**
     * The same contents with the bytes [offset, offset + size) held in a cell of their own (the value
     * they hold now), so that a later store elsewhere in the object leaves that cell as it is: how
     * the relations tell a field untouched from one written. Nothing is written: the written hull and
     * the flags stay. Null when a cell of another size or alignment overlaps those bytes.
     */
    public Contents withCell(long offset, long size) {
        Cell c = cells.get(offset);
        if (c != null) return c.size == size ? this : null;
        Map.Entry<Long, Cell> below = cells.lowerEntry(offset);
        if (below != null && below.getKey() + below.getValue().size > offset) return null;
        Long above = cells.higherKey(offset);
        if (above != null && above < offset + size) return null;
        TreeMap<Long, Cell> m = new TreeMap<>(cells);
        m.put(offset, new Cell(size, load(Interval.of(offset), size)));
        return new Contents(m, rest, nul, unterminated, neverWritten, written);
    }

    /** Writes {@code size} bytes; a strong update replaces what was there, a weak one joins with it. */
    public Contents store(Interval off, long size, Value v, boolean strong) {
        if (off.isBottom()) return this;
        TreeMap<Long, Cell> m = new TreeMap<>(cells);
        if (strong && off.isSingleton() && off.lo() != Interval.NEG_INF && off.lo() != Interval.POS_INF) {
            long o = off.lo();
            // (saturated: a cell of the whole rest of an object far from its start does not wrap the range)
            m.subMap(Interval.sat(o, -64), true, Math.max(Interval.sat(o, -64), Interval.sat(o, size)), false).entrySet().removeIf(e -> e.getKey() + e.getValue().size > o);
            m.put(o, new Cell(size, v));
            return new Contents(m, rest, nul, unterminated && !mayBeZero(v), false, writtenAfter(off, size));
        }
        if (off.isSingleton() && !m.containsKey(off.lo())) {
            m.put(off.lo(), new Cell(size, v.join(rest)));
            return new Contents(m, rest, nul, unterminated && !mayBeZero(v), false, writtenAfter(off, size));
        }
        Contents slots = storeInSlots(m, off, size, v);
        if (slots != null) return slots;
        for (Map.Entry<Long, Cell> e : m.entrySet()) {
            long s = e.getKey();
            if (s + e.getValue().size <= off.lo() || (off.hi() != Interval.POS_INF && s >= off.hi() + size)) continue;
            e.setValue(new Cell(e.getValue().size, e.getValue().value.join(v)));
        }
        return new Contents(m, rest.join(v), nul, unterminated && !mayBeZero(v), false, writtenAfter(off, size));
    }

    /** At most this many slots are written one by one by a store at an offset known to a small range. */
    private static final int MAX_SLOTS = 32;

    /**
     * A store at one of a few offsets ({@code state[i]} with {@code i < 8}, a field picked by an
     * index) may change only the bytes of those offsets: each slot of {@code size} bytes from the
     * range's start gets the value joined in, and every other byte keeps what it held. Joining the
     * value into {@code rest} instead would give it to every field of the object (a counter beside an
     * array filled with input would seem to hold input). Slots at the store's size cover every byte
     * it can reach whatever its stride. Null when a cell of another size or alignment overlaps the
     * range, or the range is wide: the caller then joins the value everywhere.
     */
    private Contents storeInSlots(TreeMap<Long, Cell> m, Interval off, long size, Value v) {
        if (off.lo() == Interval.NEG_INF || off.hi() == Interval.POS_INF || off.lo() < 0 || size <= 0) return null;
        long span = off.hi() - off.lo();
        if (span < 0 || span / size >= MAX_SLOTS) return null;
        long count = (span + size - 1) / size + 1, end = Interval.sat(off.lo(), Interval.satMul(count, size));
        for (Map.Entry<Long, Cell> e : m.subMap(off.lo() - 64, true, end, false).entrySet()) {
            long s = e.getKey();
            if (s + e.getValue().size <= off.lo()) continue;
            if (s < off.lo() || (s - off.lo()) % size != 0 || e.getValue().size != size) return null;
        }
        for (long k = 0; k < count; k++) {
            long at = off.lo() + k * size;
            Cell c = m.get(at);
            m.put(at, new Cell(size, (c != null ? c.value : size > 1 ? wider(rest, size) : rest).join(v)));
        }
        return new Contents(m, rest, nul, unterminated && !mayBeZero(v), false, writtenAfter(off, size));
    }


    /**
     * Combines with {@code o} cell by cell ({@code op}: join, widening or narrowing). Each of those
     * gives back a value equal to its operands when they are equal, which is what lets equal cells
     * and an equal rest skip it.
     */
    public Contents combine(Contents o, BinaryOperator<Value> op) {
        // the cells of the result: this one's until the first cell that differs, built from there on
        TreeMap<Long, Cell> m = null;
        // when the result is this contents again (the other side adds nothing), this object is returned,
        // so that states keep sharing it and later joins and comparisons stop at the identity
        boolean changed = false;
        // both maps are sorted by offset: one walk over the two, no lookups
        java.util.Iterator<Map.Entry<Long, Cell>> mineIt = cells.entrySet().iterator(), theirsIt = o.cells.entrySet().iterator();
        Map.Entry<Long, Cell> a = mineIt.hasNext() ? mineIt.next() : null, b = theirsIt.hasNext() ? theirsIt.next() : null;
        while (a != null || b != null) {
            int c = a == null ? 1 : b == null ? -1 : Long.compare(a.getKey(), b.getKey());
            long at = c <= 0 ? a.getKey() : b.getKey();
            Cell kept = null; // a new cell at this offset; null: this one's (or none, where it has none)
            boolean drop = false;
            if (c < 0) {
                Cell mine = a.getValue();
                // bytes nothing has written on the other path hold no value there (reading them is
                // itself the defect MS457 reports): they add nothing to the join, as a region that
                // does not exist on a path adds nothing to the state's join
                if (o.mayBeWritten(at, mine.size)) kept = joined(mine, op.apply(mine.value, o.load(Interval.of(at), mine.size)));
            } else if (c > 0) {
                long size = b.getValue().size;
                kept = mayBeWritten(at, size) ? new Cell(size, op.apply(load(Interval.of(at), size), b.getValue().value)) : b.getValue();
            } else {
                Cell mine = a.getValue(), other = b.getValue();
                // a cell neither path wrote stays the same cell (the relations tell untouched fields by it)
                if (other == mine || (other.size == mine.size && other.value.equals(mine.value))) kept = null;
                else if (other.size == mine.size) kept = joined(mine, op.apply(mine.value, other.value));
                else drop = true; // cells of different sizes at one offset: neither is kept
            }
            if (kept != null || drop) {
                if (m == null) m = new TreeMap<>(cells.headMap(at, false));
                changed = true;
                if (kept != null) m.put(at, kept);
            } else if (m != null) m.put(at, a.getValue());
            if (c <= 0) a = mineIt.hasNext() ? mineIt.next() : null;
            if (c >= 0) b = theirsIt.hasNext() ? theirsIt.next() : null;
        }
        ByteRanges w = written.union(o.written);
        boolean u = unterminated && o.unterminated, nw = neverWritten && o.neverWritten;
        boolean same = !changed && w.equals(written) && u == unterminated && nw == neverWritten;
        if (same && (rest == o.rest || rest.equals(o.rest)) && (nul == o.nul || nul.equals(o.nul))) return this;
        Value r = op.apply(rest, o.rest), n = op.apply(nul, o.nul);
        if (same && r.equals(rest) && n.equals(nul)) return this;
        // contents are immutable: unchanged cells are shared with this one
        return new Contents(m != null ? m : cells, r, n, u, nw, w);
    }

    /** The cell with the combined value: null (this cell itself) when the combination left it as it was. */
    private static Cell joined(Cell mine, Value joined) {
        return joined.equals(mine.value) ? null : new Cell(mine.size, joined);
    }

    public boolean leq(Contents o) {
        if (!rest.leq(o.rest) || !nul.leq(o.nul) || (o.unterminated && !unterminated) || (o.neverWritten && !neverWritten) || !written.leq(o.written)) return false;
        for (Map.Entry<Long, Cell> e : cells.entrySet()) {
            if (!e.getValue().value.leq(o.load(Interval.of(e.getKey()), e.getValue().size))) return false;
        }
        for (Map.Entry<Long, Cell> e : o.cells.entrySet()) {
            if (!cells.containsKey(e.getKey()) && !load(Interval.of(e.getKey()), e.getValue().size).leq(e.getValue().value)) return false;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        // hashes already worked out that differ tell unequal contents apart without a walk
        return o instanceof Contents c && (hash == 0 || c.hash == 0 || hash == c.hash) && c.unterminated == unterminated && c.neverWritten == neverWritten
                && c.written.equals(written) && c.rest.equals(rest) && c.nul.equals(nul) && sameCells(c.cells, cells);
    }

    /** Equality of two cell maps (sorted the same way): one walk over both, no lookups, shared cells by identity first. */
    private static boolean sameCells(TreeMap<Long, Cell> a, TreeMap<Long, Cell> b) {
        if (a == b) return true;
        if (a.size() != b.size()) return false;
        java.util.Iterator<Map.Entry<Long, Cell>> ia = a.entrySet().iterator(), ib = b.entrySet().iterator();
        while (ia.hasNext()) {
            Map.Entry<Long, Cell> x = ia.next(), y = ib.next();
            if (!x.getKey().equals(y.getKey())) return false;
            if (x.getValue() != y.getValue() && !x.getValue().equals(y.getValue())) return false;
        }
        return true;
    }

    /** The hash, worked out once (contents are immutable): states are hashed whole as keys of callee results. */
    private int hash;

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(cells, rest, nul, unterminated, neverWritten, written);
            hash = h == 0 ? 1 : h;
        }
        return h;
    }
}
