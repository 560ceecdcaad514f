package io.memsafe.census;

import io.memsafe.census.lang.BlobCounts;
import io.memsafe.census.lang.RustUnsafe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts keyed on the git blob id and the path-derived language key. A blob's counts depend only on its bytes
 * and the language, so across the snapshots of a history each distinct content is counted exactly once.
 * New entries are remembered so that the SQLite store can persist just those.
 */
public final class BlobCache {

    /** Marker for content that is not counted (binary, or no language could be decided). */
    public static final BlobCounts NOT_COUNTED = new BlobCounts("", 0, 0, 0, RustUnsafe.NONE);

    private final Map<String, BlobCounts> entries = new ConcurrentHashMap<>();
    private final List<Map.Entry<String, BlobCounts>> fresh = new ArrayList<>();
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    public static String key(String blobId, String pathKey) {
        return blobId + ":" + pathKey;
    }

    public BlobCounts get(String key) {
        BlobCounts c = entries.get(key);
        if (c != null) {
            hits.incrementAndGet();
        }
        return c;
    }

    /** Records counts that were just computed. */
    public void put(String key, BlobCounts counts) {
        if (entries.putIfAbsent(key, counts) == null) {
            counted.incrementAndGet();
            synchronized (fresh) {
                fresh.add(Map.entry(key, counts));
            }
        }
    }

    /** Loads a persisted entry without counting it as new work. */
    public void preload(String key, BlobCounts counts) {
        entries.put(key, counts);
    }

    /** Entries computed since the last call, for persisting. */
    public List<Map.Entry<String, BlobCounts>> drainFresh() {
        synchronized (fresh) {
            List<Map.Entry<String, BlobCounts>> out = new ArrayList<>(fresh);
            fresh.clear();
            return out;
        }
    }

    /** How many blobs were actually counted (cache misses) in this process. */
    public long countedBlobs() {
        return counted.get();
    }

    public long hits() {
        return hits.get();
    }

    public int size() {
        return entries.size();
    }
}
