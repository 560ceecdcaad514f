package io.memsafe.analysis.domain;

import org.pcollections.TreePMap;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A sorted map of an abstract state ({@link State#mem} and the lifetime maps) that a copy shares
 * with its original: it holds a persistent tree (pcollections' {@link TreePMap}), so {@link #copy}
 * costs nothing and a write builds only the path to the entry it changes, while the rest of the
 * tree stays shared with every other state it was copied from or to. The analysis copies a state
 * for every block it runs and every join, and most of those copies then differ from their source in
 * a few entries: copying whole sorted maps was most of the time a scan took.
 *
 * <p>It behaves as a mutable {@link java.util.TreeMap} does, for the operations the engine uses:
 * a put of a key already there keeps the key object and replaces the value (regions are equal by
 * key whatever their size), entries of the entry set can be set, and the key set removes. An
 * iteration walks the map as it was when the iteration started.
 */
public final class SharingMap<K extends Comparable<? super K>, V> extends AbstractMap<K, V> implements SortedMap<K, V> {
    private TreePMap<K, V> map;

    public SharingMap() { this.map = TreePMap.empty(); }

    private SharingMap(TreePMap<K, V> map) { this.map = map; }

    /** A map with the entries of {@code m} (sharing them when {@code m} is one of these). */
    public static <K extends Comparable<? super K>, V> SharingMap<K, V> of(Map<K, V> m) {
        if (m instanceof SharingMap<K, V> s) return s.copy();
        return new SharingMap<>(TreePMap.from(m));
    }

    /** An independent map with the same entries, in constant time. */
    public SharingMap<K, V> copy() { return new SharingMap<>(map); }

    /** Makes this map hold the entries of {@code o}, in constant time. */
    public void assign(SharingMap<K, V> o) { map = o.map; }

    /** Does this map hold the very tree of {@code o} (then they are equal, entry for entry)? */
    boolean sameTree(SharingMap<?, ?> o) { return map == o.map; }

    /** The entries, read-only and without a wrapper per entry (for the walks of joins and comparisons). */
    Set<Map.Entry<K, V>> entries() { return map.entrySet(); }

    @Override public V get(Object k) { return map.get(k); }

    @Override public boolean containsKey(Object k) { return map.containsKey(k); }

    @Override public int size() { return map.size(); }

    @Override public boolean isEmpty() { return map.isEmpty(); }

    @Override
    public V put(K k, V v) {
        V old = map.get(k);
        if (old != v || !map.containsKey(k)) map = map.plus(k, v);
        return old;
    }

    @Override
    public V remove(Object k) {
        V old = map.get(k);
        if (old != null || map.containsKey(k)) map = map.minus(k);
        return old;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        TreePMap<K, V> t = map;
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) t = t.plus(e.getKey(), e.getValue());
        map = t;
    }

    @Override public void clear() { map = TreePMap.empty(); }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> f) {
        TreePMap<K, V> t = map;
        for (Map.Entry<K, V> e : map.entrySet()) {
            V v = f.apply(e.getKey(), e.getValue());
            if (v != e.getValue()) t = t.plus(e.getKey(), v);
        }
        map = t;
    }

    /** The least entry with a key at least {@code k}, or null. */
    public Map.Entry<K, V> ceilingEntry(K k) { return map.ceilingEntry(k); }

    @Override public Comparator<? super K> comparator() { return null; }

    @Override public SortedMap<K, V> subMap(K from, K to) { return map.subMap(from, to); }

    @Override public SortedMap<K, V> headMap(K to) { return map.headMap(to); }

    @Override public SortedMap<K, V> tailMap(K from) { return map.tailMap(from); }

    @Override public K firstKey() { return map.firstKey(); }

    @Override public K lastKey() { return map.lastKey(); }

    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override public Iterator<K> iterator() {
                Iterator<Map.Entry<K, V>> it = entrySet().iterator();
                return new Iterator<>() {
                    @Override public boolean hasNext() { return it.hasNext(); }
                    @Override public K next() { return it.next().getKey(); }
                    @Override public void remove() { it.remove(); }
                };
            }
            @Override public int size() { return map.size(); }
            @Override public boolean contains(Object o) { return map.containsKey(o); }
            @Override public boolean remove(Object o) {
                boolean had = map.containsKey(o);
                if (had) map = map.minus(o);
                return had;
            }
            @Override public boolean removeAll(Collection<?> c) {
                TreePMap<K, V> t = map;
                for (Object o : c) if (t.containsKey(o)) t = t.minus(o);
                boolean changed = t != map;
                map = t;
                return changed;
            }
            @Override public boolean removeIf(Predicate<? super K> p) {
                TreePMap<K, V> t = map;
                for (K k : map.keySet()) if (p.test(k)) t = t.minus(k);
                boolean changed = t != map;
                map = t;
                return changed;
            }
        };
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override public Iterator<Map.Entry<K, V>> iterator() {
                Iterator<Map.Entry<K, V>> it = map.entrySet().iterator();
                return new Iterator<>() {
                    private K last;
                    private boolean removable;
                    @Override public boolean hasNext() { return it.hasNext(); }
                    @Override public Map.Entry<K, V> next() {
                        Map.Entry<K, V> e = it.next();
                        last = e.getKey();
                        removable = true;
                        return new Entry(e.getKey(), e.getValue());
                    }
                    @Override public void remove() {
                        if (!removable) throw new IllegalStateException();
                        removable = false;
                        map = map.minus(last);
                    }
                };
            }
            @Override public int size() { return map.size(); }
        };
    }

    /** An entry whose {@link #setValue} writes through to the map. */
    private final class Entry extends AbstractMap.SimpleEntry<K, V> {
        Entry(K k, V v) { super(k, v); }

        @Override
        public V setValue(V v) {
            map = map.plus(getKey(), v);
            return super.setValue(v);
        }
    }
}
