package io.memsafe.analysis.domain;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A map from regions, sorted in region order, that a copy shares with its original: the maps of an
 * abstract state ({@link State#mem} and the lifetime maps). The analysis copies a state for every
 * block it runs and every join, and a copy then differs from its source in a few regions; copying
 * whole sorted maps, and walking every entry of both sides at each join and inclusion test, was most
 * of the time a scan took.
 *
 * <p>It is a persistent big-endian Patricia trie on the hash of the region's key (what
 * {@link Region#compareTo} orders by first; regions with one hash sit in one leaf in key order), so
 * {@link #copy} costs nothing, a write rebuilds only the path to its entry, and the trie's shape
 * depends on its keys alone. Two maps with a common ancestor therefore share every subtree neither
 * wrote to, and {@link #diff} walks the two in lockstep and skips what they share: a join or an
 * inclusion test costs what differs, not what the states hold. (A library's persistent sorted map,
 * pcollections' TreePMap, was tried first: its balanced trees have shapes that depend on the order
 * of writes, so two of them cannot be walked in lockstep, and its nodes are not accessible.)
 *
 * <p>It behaves as a mutable {@link java.util.TreeMap} does for the operations the engine uses: a
 * put of a key already there keeps the key object and replaces the value (regions are equal by key
 * whatever their size), entries of the entry set can be set, the key set removes. An iteration walks
 * the map as it was when the iteration started.
 */
public final class RegionMap<V> extends AbstractMap<Region, V> implements SortedMap<Region, V> {
    /** A node of the trie: a leaf of the entries with one hash, or a branch on one bit. */
    private abstract static sealed class Node permits Leaf, Branch {
        final int size;
        Node(int size) { this.size = size; }
    }

    /** The entries whose keys hash to {@code bits} (see {@link #bits}), in key order. */
    private static final class Leaf extends Node {
        final int bits;
        final Region[] keys;
        final Object[] values;
        Leaf(int bits, Region[] keys, Object[] values) {
            super(keys.length);
            this.bits = bits;
            this.keys = keys;
            this.values = values;
        }
    }

    /** The entries whose bits start with {@code prefix} above {@code mask}; those with the mask bit clear are left. */
    private static final class Branch extends Node {
        final int prefix, mask;
        final Node left, right;
        Branch(int prefix, int mask, Node left, Node right) {
            super(left.size + right.size);
            this.prefix = prefix;
            this.mask = mask;
            this.left = left;
            this.right = right;
        }
    }

    private Node root;

    public RegionMap() { }

    private RegionMap(Node root) { this.root = root; }

    /** A map with the entries of {@code m} (sharing them when {@code m} is one of these). */
    public static <V> RegionMap<V> of(Map<Region, V> m) {
        if (m instanceof RegionMap<V> r) return r.copy();
        RegionMap<V> r = new RegionMap<>();
        r.putAll(m);
        return r;
    }

    /** An independent map with the same entries, in constant time. */
    public RegionMap<V> copy() { return new RegionMap<>(root); }

    /** Makes this map hold the entries of {@code o}, in constant time. */
    public void assign(RegionMap<V> o) { root = o.root; }

    // ---- bits: the key's hash with the sign bit flipped, so that unsigned order is Region's order

    private static int bits(Region r) { return r.key.hashCode() ^ Integer.MIN_VALUE; }

    /** The bits above {@code mask}. */
    private static int prefixOf(int bits, int mask) { return bits & ~((mask << 1) - 1); }

    private static boolean left(int bits, int mask) { return (bits & mask) == 0; }

    /** Is mask a higher bit than other (a branch on it holds branches on the other)? */
    private static boolean higher(int mask, int other) { return Integer.compareUnsigned(mask, other) > 0; }

    /** A branch over two subtrees whose bits differ (p1, p2: any bits of each). */
    private static Node join(int p1, Node t1, int p2, Node t2) {
        int mask = Integer.highestOneBit(p1 ^ p2);
        int prefix = prefixOf(p1, mask);
        return left(p1, mask) ? new Branch(prefix, mask, t1, t2) : new Branch(prefix, mask, t2, t1);
    }

    private static int someBits(Node n) { return n instanceof Leaf l ? l.bits : ((Branch) n).prefix; }

    // ---- reads

    private Leaf leafOf(Object k) {
        if (!(k instanceof Region r)) return null;
        int b = bits(r);
        Node n = root;
        while (n instanceof Branch br) {
            if (prefixOf(b, br.mask) != br.prefix) return null;
            n = left(b, br.mask) ? br.left : br.right;
        }
        return n instanceof Leaf l && l.bits == b ? l : null;
    }

    private static int indexIn(Leaf l, Object k) {
        for (int i = 0; i < l.keys.length; i++) if (l.keys[i].equals(k)) return i;
        return -1;
    }

    @SuppressWarnings("unchecked")
    @Override
    public V get(Object k) {
        Leaf l = leafOf(k);
        if (l == null) return null;
        int i = indexIn(l, k);
        return i < 0 ? null : (V) l.values[i];
    }

    /** The key object this map holds for {@code k} (regions are equal by key whatever their size), or null. */
    public Region keyOf(Object k) {
        Leaf l = leafOf(k);
        int i = l == null ? -1 : indexIn(l, k);
        return i < 0 ? null : l.keys[i];
    }

    @Override
    public boolean containsKey(Object k) {
        Leaf l = leafOf(k);
        return l != null && indexIn(l, k) >= 0;
    }

    @Override public int size() { return root == null ? 0 : root.size; }

    @Override public boolean isEmpty() { return root == null; }

    // ---- writes (each builds a new path and leaves every other node shared)

    private static Node put(Node n, Region k, int b, Object v) {
        if (n == null) return new Leaf(b, new Region[] {k}, new Object[] {v});
        if (n instanceof Leaf l) {
            if (l.bits != b) return join(b, new Leaf(b, new Region[] {k}, new Object[] {v}), l.bits, l);
            int i = indexIn(l, k);
            if (i >= 0) {
                if (l.values[i] == v) return l;
                Object[] vs = l.values.clone();
                vs[i] = v;
                return new Leaf(b, l.keys, vs);
            }
            int at = 0;
            while (at < l.keys.length && l.keys[at].key.compareTo(k.key) < 0) at++;
            Region[] ks = new Region[l.keys.length + 1];
            Object[] vs = new Object[ks.length];
            System.arraycopy(l.keys, 0, ks, 0, at);
            System.arraycopy(l.values, 0, vs, 0, at);
            ks[at] = k;
            vs[at] = v;
            System.arraycopy(l.keys, at, ks, at + 1, l.keys.length - at);
            System.arraycopy(l.values, at, vs, at + 1, l.keys.length - at);
            return new Leaf(b, ks, vs);
        }
        Branch br = (Branch) n;
        if (prefixOf(b, br.mask) != br.prefix) return join(b, new Leaf(b, new Region[] {k}, new Object[] {v}), br.prefix, br);
        if (left(b, br.mask)) {
            Node l = put(br.left, k, b, v);
            return l == br.left ? br : new Branch(br.prefix, br.mask, l, br.right);
        }
        Node r = put(br.right, k, b, v);
        return r == br.right ? br : new Branch(br.prefix, br.mask, br.left, r);
    }

    private static Node remove(Node n, Region k, int b) {
        if (n == null) return null;
        if (n instanceof Leaf l) {
            int i = l.bits == b ? indexIn(l, k) : -1;
            if (i < 0) return l;
            if (l.keys.length == 1) return null;
            Region[] ks = new Region[l.keys.length - 1];
            Object[] vs = new Object[ks.length];
            System.arraycopy(l.keys, 0, ks, 0, i);
            System.arraycopy(l.values, 0, vs, 0, i);
            System.arraycopy(l.keys, i + 1, ks, i, ks.length - i);
            System.arraycopy(l.values, i + 1, vs, i, ks.length - i);
            return new Leaf(b, ks, vs);
        }
        Branch br = (Branch) n;
        if (prefixOf(b, br.mask) != br.prefix) return br;
        if (left(b, br.mask)) {
            Node l = remove(br.left, k, b);
            return l == br.left ? br : l == null ? br.right : new Branch(br.prefix, br.mask, l, br.right);
        }
        Node r = remove(br.right, k, b);
        return r == br.right ? br : r == null ? br.left : new Branch(br.prefix, br.mask, br.left, r);
    }

    @SuppressWarnings("unchecked")
    @Override
    public V put(Region k, V v) {
        Leaf l = leafOf(k);
        int i = l == null ? -1 : indexIn(l, k);
        V old = i < 0 ? null : (V) l.values[i];
        root = put(root, k, bits(k), v);
        return old;
    }

    /** A put that does not look up the value it replaces. */
    public void set(Region k, V v) { root = put(root, k, bits(k), v); }

    @Override
    public V remove(Object k) {
        if (!(k instanceof Region r)) return null;
        V old = get(k);
        root = remove(root, r, bits(r));
        return old;
    }

    @Override
    public void putAll(Map<? extends Region, ? extends V> m) {
        for (Map.Entry<? extends Region, ? extends V> e : m.entrySet()) root = put(root, e.getKey(), bits(e.getKey()), e.getValue());
    }

    @Override public void clear() { root = null; }

    @SuppressWarnings("unchecked")
    @Override
    public void replaceAll(BiFunction<? super Region, ? super V, ? extends V> f) {
        Node n = root;
        for (Iterator<Leaf> it = new Leaves(root); it.hasNext(); ) {
            Leaf l = it.next();
            for (int i = 0; i < l.keys.length; i++) {
                V v = f.apply(l.keys[i], (V) l.values[i]);
                if (v != l.values[i]) n = put(n, l.keys[i], l.bits, v);
            }
        }
        root = n;
    }

    // ---- the lockstep walk

    /** What {@link #diff} calls for a key the two maps do not share; false stops the walk. */
    public interface Differ<V> {
        /** {@code mine} / {@code theirs}: the key in each map (null where absent), with its value. */
        boolean at(Region mine, V myValue, Region theirs, V theirValue);
    }

    /**
     * Calls {@code d} for every key of either map, except those both hold with the same key object
     * and the same value object; stops at the first false. The keys both maps hold come in region
     * order (those one map holds alone in no particular order among them). Subtrees the two
     * maps share are skipped whole. Returns false if {@code d} did.
     */
    public boolean diff(RegionMap<V> o, Differ<V> d) { return diff(root, o.root, d); }

    @SuppressWarnings("unchecked")
    private static <V> boolean diff(Node a, Node b, Differ<V> d) {
        if (a == b) return true;
        if (a == null) return all(b, false, d);
        if (b == null) return all(a, true, d);
        if (a instanceof Leaf la && b instanceof Leaf lb) {
            if (la.bits != lb.bits) return all(a, true, d) && all(b, false, d);
            int i = 0, j = 0;
            while (i < la.keys.length || j < lb.keys.length) {
                int c = i == la.keys.length ? 1 : j == lb.keys.length ? -1
                        : la.keys[i] == lb.keys[j] ? 0 : la.keys[i].key.compareTo(lb.keys[j].key);
                if (c < 0) { if (!d.at(la.keys[i], (V) la.values[i], null, null)) return false; i++; }
                else if (c > 0) { if (!d.at(null, null, lb.keys[j], (V) lb.values[j])) return false; j++; }
                else {
                    if ((la.keys[i] != lb.keys[j] || la.values[i] != lb.values[j])
                            && !d.at(la.keys[i], (V) la.values[i], lb.keys[j], (V) lb.values[j])) return false;
                    i++;
                    j++;
                }
            }
            return true;
        }
        if (a instanceof Branch ba && b instanceof Branch bb && ba.mask == bb.mask && ba.prefix == bb.prefix)
            return diff(ba.left, bb.left, d) && diff(ba.right, bb.right, d);
        // one side branches on a higher bit (or is a leaf below the other's branch): the other lies in one of its halves
        if (a instanceof Branch ba && (b instanceof Leaf || higher(ba.mask, ((Branch) b).mask)) && prefixOf(someBits(b), ba.mask) == ba.prefix)
            return left(someBits(b), ba.mask) ? diff(ba.left, b, d) && all(ba.right, true, d) : all(ba.left, true, d) && diff(ba.right, b, d);
        if (b instanceof Branch bb && (a instanceof Leaf || higher(bb.mask, ((Branch) a).mask)) && prefixOf(someBits(a), bb.mask) == bb.prefix)
            return left(someBits(a), bb.mask) ? diff(a, bb.left, d) && all(bb.right, false, d) : all(bb.left, false, d) && diff(a, bb.right, d);
        // disjoint
        return all(a, true, d) && all(b, false, d);
    }

    @SuppressWarnings("unchecked")
    private static <V> boolean all(Node n, boolean mine, Differ<V> d) {
        for (Iterator<Leaf> it = new Leaves(n); it.hasNext(); ) {
            Leaf l = it.next();
            for (int i = 0; i < l.keys.length; i++) {
                if (!(mine ? d.at(l.keys[i], (V) l.values[i], null, null) : d.at(null, null, l.keys[i], (V) l.values[i]))) return false;
            }
        }
        return true;
    }

    /** Do the two maps hold equal keys with equal values (shared subtrees equal without a look)? */
    public boolean sameEntries(RegionMap<V> o) {
        if (root == o.root) return true;
        if (size() != o.size()) return false;
        return diff(o, (k1, v1, k2, v2) -> k1 != null && k2 != null && (v1 == v2 || (v1 != null && v1.equals(v2))));
    }

    // ---- iteration, in region order

    /** The leaves of a subtree from left to right (lowest bits first). */
    private static final class Leaves implements Iterator<Leaf> {
        private final Node[] stack = new Node[34];
        private int top;

        Leaves(Node n) { if (n != null) stack[top++] = n; }

        @Override public boolean hasNext() { return top > 0; }

        @Override
        public Leaf next() {
            if (top == 0) throw new NoSuchElementException();
            Node n = stack[--top];
            while (n instanceof Branch b) {
                stack[top++] = b.right;
                n = b.left;
            }
            return (Leaf) n;
        }
    }

    /** The entries as they are now; each entry's setValue writes to this map. */
    private final class Entries implements Iterator<Map.Entry<Region, V>> {
        private final Leaves leaves = new Leaves(root);
        private Leaf leaf;
        private int i;
        private Region last;

        @Override public boolean hasNext() { return (leaf != null && i < leaf.keys.length) || leaves.hasNext(); }

        @SuppressWarnings("unchecked")
        @Override
        public Map.Entry<Region, V> next() {
            if (leaf == null || i == leaf.keys.length) {
                leaf = leaves.next();
                i = 0;
            }
            last = leaf.keys[i];
            Entry e = new Entry(last, (V) leaf.values[i]);
            i++;
            return e;
        }

        @Override
        public void remove() {
            if (last == null) throw new IllegalStateException();
            root = RegionMap.remove(root, last, bits(last));
            last = null;
        }
    }

    /** An entry whose {@link #setValue} writes through to the map. */
    private final class Entry extends AbstractMap.SimpleEntry<Region, V> {
        Entry(Region k, V v) { super(k, v); }

        @Override
        public V setValue(V v) {
            root = put(root, getKey(), bits(getKey()), v);
            return super.setValue(v);
        }
    }

    @Override
    public Set<Map.Entry<Region, V>> entrySet() {
        return new AbstractSet<>() {
            @Override public Iterator<Map.Entry<Region, V>> iterator() { return new Entries(); }
            @Override public int size() { return RegionMap.this.size(); }
        };
    }

    @Override
    public Set<Region> keySet() {
        return new AbstractSet<>() {
            @Override public Iterator<Region> iterator() {
                Iterator<Map.Entry<Region, V>> it = new Entries();
                return new Iterator<>() {
                    @Override public boolean hasNext() { return it.hasNext(); }
                    @Override public Region next() { return it.next().getKey(); }
                    @Override public void remove() { it.remove(); }
                };
            }
            @Override public int size() { return RegionMap.this.size(); }
            @Override public boolean contains(Object o) { return containsKey(o); }
            @Override public boolean remove(Object o) {
                if (!containsKey(o)) return false;
                RegionMap.this.remove(o);
                return true;
            }
            @Override public boolean removeAll(Collection<?> c) {
                Node before = root;
                for (Object o : c) if (o instanceof Region r) root = RegionMap.remove(root, r, bits(r));
                return root != before;
            }
            @Override public boolean removeIf(Predicate<? super Region> p) {
                Node before = root, n = root;
                for (Iterator<Leaf> it = new Leaves(before); it.hasNext(); ) {
                    Leaf l = it.next();
                    for (Region k : l.keys) if (p.test(k)) n = RegionMap.remove(n, k, l.bits);
                }
                root = n;
                return n != before;
            }
        };
    }

    // ---- SortedMap (region order)

    @Override public Comparator<? super Region> comparator() { return null; }

    @Override
    public Region firstKey() {
        if (root == null) throw new NoSuchElementException();
        return new Leaves(root).next().keys[0];
    }

    @Override
    public Region lastKey() {
        if (root == null) throw new NoSuchElementException();
        Node n = root;
        while (n instanceof Branch b) n = b.right;
        Leaf l = (Leaf) n;
        return l.keys[l.keys.length - 1];
    }

    @Override public SortedMap<Region, V> subMap(Region from, Region to) { return new java.util.TreeMap<>(this).subMap(from, to); }

    @Override public SortedMap<Region, V> headMap(Region to) { return new java.util.TreeMap<>(this).headMap(to); }

    @Override public SortedMap<Region, V> tailMap(Region from) { return new java.util.TreeMap<>(this).tailMap(from); }
}
