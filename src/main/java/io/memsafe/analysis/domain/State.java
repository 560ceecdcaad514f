package io.memsafe.analysis.domain;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * The abstract memory at a program point: the contents of every region that exists there.
 * {@code bottom} marks an unreachable point. Regions absent from the map hold unknown contents.
 */
public final class State {
    public final TreeMap<Region, Contents> mem;
    public boolean bottom;

    public State(TreeMap<Region, Contents> mem, boolean bottom) {
        this.mem = mem;
        this.bottom = bottom;
    }

    public static State empty() { return new State(new TreeMap<>(), false); }

    public static State unreachable() { return new State(new TreeMap<>(), true); }

    public State copy() { return new State(new TreeMap<>(mem), bottom); }

    public Contents contents(Region r) {
        Contents c = mem.get(r);
        if (c != null) return c;
        return r.initial != null ? r.initial : Contents.uninitialized();
    }

    public void set(Region r, Contents c) { mem.put(r, c); }

    public State join(State o) { return combine(o, Value::join); }

    public State widen(State o, long[] thresholds) { return combine(o, (a, b) -> a.widen(b, thresholds)); }

    public State narrow(State o) { return combine(o, Value::narrow); }

    private State combine(State o, BinaryOperator<Value> op) {
        if (bottom) return o.copy();
        if (o.bottom) return copy();
        TreeMap<Region, Contents> m = new TreeMap<>();
        for (Map.Entry<Region, Contents> e : mem.entrySet()) {
            Contents other = o.mem.get(e.getKey());
            // a region missing on one side was not allocated on that path: nothing points to it there
            if (other == null) other = e.getKey().initial;
            m.put(e.getKey(), other == null ? e.getValue() : other == e.getValue() ? other : e.getValue().combine(other, op));
        }
        for (Map.Entry<Region, Contents> e : o.mem.entrySet()) {
            if (m.containsKey(e.getKey())) continue;
            Contents mine = e.getKey().initial;
            m.put(e.getKey(), mine == null || mine == e.getValue() ? e.getValue() : mine.combine(e.getValue(), op));
        }
        return new State(m, false);
    }

    @Override
    public boolean equals(Object o) { return o instanceof State st && st.bottom == bottom && st.mem.equals(mem); }

    @Override
    public int hashCode() { return mem.hashCode() * 31 + (bottom ? 1 : 0); }

    public boolean leq(State o) {
        if (bottom) return true;
        if (o.bottom) return false;
        for (Map.Entry<Region, Contents> e : mem.entrySet()) {
            Contents other = o.mem.get(e.getKey());
            if (other == null) other = e.getKey().initial;
            if (other == null) return false;
            if (other != e.getValue() && !e.getValue().leq(other)) return false;
        }
        return true;
    }
}
