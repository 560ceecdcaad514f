package io.memsafe.census.model;

import io.memsafe.census.lang.BlobCounts;
import io.memsafe.census.lang.LanguageTable;
import io.memsafe.census.lang.RustUnsafe;
import io.memsafe.census.lang.Safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The census of one tree: counts per language, the Rust unsafe tally, and the files that could not be counted.
 * Maps are sorted so that every output is deterministic.
 */
public final class Census {
    private final String commit;
    private final Map<String, LanguageCount> languages = new TreeMap<>();
    private final Map<String, Map<String, LanguageCount>> directories = new TreeMap<>();
    private RustUnsafe rustUnsafe = RustUnsafe.NONE;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Census(String commit) {
        this.commit = commit;
    }

    public synchronized void add(String directory, BlobCounts c) {
        languages.computeIfAbsent(c.language(), k -> new LanguageCount()).add(1, c.code(), c.comment(), c.blank());
        if (directory != null) {
            directories.computeIfAbsent(directory, k -> new TreeMap<>())
                    .computeIfAbsent(c.language(), k -> new LanguageCount()).add(1, c.code(), c.comment(), c.blank());
        }
        if (!c.rustUnsafe().isEmpty()) {
            rustUnsafe = rustUnsafe.plus(c.rustUnsafe());
        }
    }

    /** A file that should have been counted but could not be (unreadable, too large): an error for the exit code. */
    public synchronized void problem(String message) {
        problems.add(message);
    }

    /** Something the user should know that does not make the census wrong. */
    public synchronized void note(String message) {
        notes.add(message);
    }

    public String commit() {
        return commit;
    }

    public Map<String, LanguageCount> languages() {
        return languages;
    }

    public Map<String, Map<String, LanguageCount>> directories() {
        return directories;
    }

    public synchronized void setRustUnsafe(RustUnsafe u) {
        rustUnsafe = u;
    }

    public RustUnsafe rustUnsafe() {
        return rustUnsafe;
    }

    public List<String> problems() {
        return problems.stream().sorted().toList();
    }

    public List<String> notes() {
        return notes.stream().sorted().toList();
    }

    /** Memory-unsafe code lines over memory-unsafe plus memory-safe code lines; {@code null} if there are none. */
    public static Double unsafeShare(Map<String, LanguageCount> languages) {
        long unsafe = 0;
        long safe = 0;
        for (var e : languages.entrySet()) {
            Safety s = LanguageTable.safetyOf(e.getKey());
            if (s == Safety.UNSAFE) {
                unsafe += e.getValue().code;
            } else if (s == Safety.SAFE) {
                safe += e.getValue().code;
            }
        }
        return unsafe + safe == 0 ? null : (double) unsafe / (unsafe + safe);
    }

    public Double memoryUnsafeShare() {
        return unsafeShare(languages);
    }

    /** Unsafe Rust code lines over all Rust code lines; {@code null} without Rust. */
    public Double rustUnsafeShare() {
        LanguageCount rust = languages.get("Rust");
        return rust == null || rust.code == 0 ? null : (double) rustUnsafe.unsafeLines() / rust.code;
    }
}
