package io.memsafe.analysis.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state maps must behave as the sorted maps they replace (the same order, so the same output),
 * and their lockstep walk must visit exactly the keys where two maps differ.
 */
class RegionMapTest {
    /** Keys with colliding hashes ("Aa" and "BB" hash alike) beside ordinary ones, and hashes of both signs. */
    private static final List<Region> REGIONS = new ArrayList<>();
    static {
        String[] keys = {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "x", "y", "z", "f:main:i", "f:main:j", "g:buf", "h:t.c:12:3",
                "a-very-long-key-with-a-negative-or-positive-hash-1", "a-very-long-key-with-a-negative-or-positive-hash-2"};
        for (String k : keys) REGIONS.add(new Region(k, Region.Kind.STACK, Value.of(4), k, null, "declaration"));
        for (int i = 0; i < 200; i++) REGIONS.add(new Region("r" + i * 7919, Region.Kind.GLOBAL, Value.of(8), "r" + i, null, "declaration"));
    }

    @Test
    void behavesAsATreeMapUnderRandomWrites() {
        Random rnd = new Random(11);
        for (int round = 0; round < 50; round++) {
            RegionMap<Integer> m = new RegionMap<>();
            TreeMap<Region, Integer> t = new TreeMap<>();
            List<RegionMap<Integer>> snapshots = new ArrayList<>();
            List<TreeMap<Region, Integer>> expected = new ArrayList<>();
            for (int step = 0; step < 400; step++) {
                Region r = REGIONS.get(rnd.nextInt(REGIONS.size()));
                switch (rnd.nextInt(6)) {
                    case 0, 1, 2 -> assertThat(m.put(r, step % 17)).isEqualTo(t.put(r, step % 17));
                    case 3 -> assertThat(m.remove(r)).isEqualTo(t.remove(r));
                    case 4 -> { snapshots.add(m.copy()); expected.add(new TreeMap<>(t)); }
                    default -> assertThat(m.get(r)).isEqualTo(t.get(r));
                }
                assertThat(m.size()).isEqualTo(t.size());
            }
            assertThat(new ArrayList<>(m.entrySet())).containsExactlyElementsOf(new ArrayList<>(t.entrySet()));
            assertThat(m.firstKey()).isEqualTo(t.firstKey());
            assertThat(m.lastKey()).isEqualTo(t.lastKey());
            for (int i = 0; i < snapshots.size(); i++) {
                // a copy is not changed by later writes to its source
                assertThat(new ArrayList<>(snapshots.get(i).entrySet())).containsExactlyElementsOf(new ArrayList<>(expected.get(i).entrySet()));
                assertThat(snapshots.get(i).sameEntries(m)).isEqualTo(expected.get(i).equals(t));
                assertThat(snapshots.get(i).hashCode()).isEqualTo(expected.get(i).hashCode());
                assertDiff(snapshots.get(i), m);
            }
        }
    }

    @Test
    void keySetAndEntryWritesReachTheMap() {
        RegionMap<Integer> m = new RegionMap<>();
        TreeMap<Region, Integer> t = new TreeMap<>();
        for (int i = 0; i < REGIONS.size(); i++) { m.put(REGIONS.get(i), i); t.put(REGIONS.get(i), i); }
        RegionMap<Integer> before = m.copy();
        m.keySet().removeIf(r -> r.key.startsWith("r1"));
        t.keySet().removeIf(r -> r.key.startsWith("r1"));
        m.keySet().removeAll(REGIONS.subList(0, 5));
        t.keySet().removeAll(REGIONS.subList(0, 5));
        for (Map.Entry<Region, Integer> e : m.entrySet()) if (e.getValue() % 3 == 0) e.setValue(-1);
        for (Map.Entry<Region, Integer> e : t.entrySet()) if (e.getValue() % 3 == 0) e.setValue(-1);
        m.replaceAll((r, v) -> v + 1);
        t.replaceAll((r, v) -> v + 1);
        assertThat(new ArrayList<>(m.entrySet())).containsExactlyElementsOf(new ArrayList<>(t.entrySet()));
        assertThat(before.size()).isEqualTo(REGIONS.size());
        assertDiff(before, m);
    }

    @Test
    void aPutOfAnEqualKeyKeepsTheKeyObject() {
        Region small = new Region("k", Region.Kind.HEAP, Value.of(4), "small", null, "malloc");
        Region large = new Region("k", Region.Kind.HEAP, Value.of(8), "large", null, "malloc");
        RegionMap<Integer> m = new RegionMap<>();
        m.put(small, 1);
        m.put(large, 2);
        assertThat(m.firstKey()).isSameAs(small);
        assertThat(m.get(large)).isEqualTo(2);
    }

    /** The walk visits every key the two hold differently, once, and nothing else. */
    private static void assertDiff(RegionMap<Integer> a, RegionMap<Integer> b) {
        TreeMap<Region, String> seen = new TreeMap<>();
        List<Region> pairs = new ArrayList<>();
        a.diff(b, (x, vx, y, vy) -> {
            Region r = x != null ? x : y;
            assertThat(seen.put(r, vx + "/" + vy)).isNull();
            if (x != null && y != null) pairs.add(r);
            return true;
        });
        // the keys both hold come in region order
        assertThat(pairs).isSortedAccordingTo(Region::compareTo);
        TreeMap<Region, String> want = new TreeMap<>();
        TreeMap<Region, Integer> all = new TreeMap<>(a);
        all.putAll(b);
        for (Region r : all.keySet()) {
            Integer vx = a.get(r), vy = b.get(r);
            if (vx == null || vy == null || !vx.equals(vy)) want.put(r, vx + "/" + vy);
        }
        // equal values under equal keys may be visited (distinct objects) or skipped (shared): only differences must be there
        seen.entrySet().removeIf(e -> !want.containsKey(e.getKey()) && e.getValue().split("/")[0].equals(e.getValue().split("/")[1]));
        assertThat(seen).isEqualTo(want);
    }
}
