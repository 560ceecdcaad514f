package io.memsafe.census;

import io.memsafe.census.lang.LanguageTable;
import io.memsafe.census.lang.RustUnsafe;
import io.memsafe.census.lang.Safety;
import io.memsafe.census.model.Census;
import io.memsafe.census.model.LanguageCount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders a {@link Census} as a text table, JSON or CSV. */
public final class CensusFormat {

    private CensusFormat() {
    }

    /** Languages by code lines, largest first, then by name: the order of every table. */
    public static List<Map.Entry<String, LanguageCount>> ordered(Map<String, LanguageCount> languages) {
        List<Map.Entry<String, LanguageCount>> rows = new ArrayList<>(languages.entrySet());
        rows.sort(Comparator.<Map.Entry<String, LanguageCount>>comparingLong(e -> -e.getValue().code).thenComparing(Map.Entry::getKey));
        return rows;
    }

    /**
     * Memory-unsafe languages first, then memory-safe ones, then the others, each class by code lines (most first):
     * the order a reader of a memory-safety report needs, whatever the size of a translation catalogue.
     */
    public static List<Map.Entry<String, LanguageCount>> orderedByClass(Map<String, LanguageCount> languages) {
        List<Map.Entry<String, LanguageCount>> rows = ordered(languages);
        rows.sort(Comparator.comparing(e -> LanguageTable.safetyOf(e.getKey()))); // stable: keeps the size order
        return rows;
    }

    public static Map<String, LanguageCount> groups(Map<String, LanguageCount> languages) {
        Map<String, LanguageCount> g = new LinkedHashMap<>();
        for (Safety s : Safety.values()) {
            g.put(s.label(), new LanguageCount());
        }
        languages.forEach((name, c) -> g.get(LanguageTable.safetyOf(name).label()).add(c));
        return g;
    }

    public static Map<String, Object> toJson(Census c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("commit", c.commit());
        root.put("languages", new TreeMap<>(c.languages()));
        root.put("groups", groups(c.languages()));
        root.put("memory_unsafe_share", Output.round(c.memoryUnsafeShare()));
        root.put("rust_unsafe", rustJson(c.rustUnsafe(), c.rustUnsafeShare()));
        if (!c.directories().isEmpty()) {
            Map<String, Object> dirs = new LinkedHashMap<>();
            c.directories().forEach((dir, langs) -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("languages", new TreeMap<>(langs));
                d.put("memory_unsafe_share", Output.round(Census.unsafeShare(langs)));
                dirs.put(dir, d);
            });
            root.put("directories", dirs);
        }
        return root;
    }

    private static Map<String, Object> rustJson(RustUnsafe u, Double share) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blocks", u.blocks());
        m.put("fns", u.fns());
        m.put("fn_pointer_types", u.fnPointerTypes());
        m.put("impls", u.impls());
        m.put("traits", u.traits());
        m.put("unsafe_lines", u.unsafeLines());
        m.put("share", Output.round(share));
        return m;
    }

    public static String json(Census c) throws com.fasterxml.jackson.core.JsonProcessingException {
        return Output.JSON.writeValueAsString(toJson(c)) + "\n";
    }

    public static String csv(Census c) {
        StringBuilder sb = new StringBuilder();
        boolean byDir = !c.directories().isEmpty();
        sb.append(byDir ? "directory," : "").append("language,class,files,blank,comment,code\n");
        if (byDir) {
            c.directories().forEach((dir, langs) -> {
                for (var e : ordered(langs)) {
                    sb.append(Output.csv(dir)).append(',');
                    row(sb, e.getKey(), e.getValue());
                }
            });
        } else {
            for (var e : ordered(c.languages())) {
                row(sb, e.getKey(), e.getValue());
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String lang, LanguageCount v) {
        sb.append(Output.csv(lang)).append(',').append(LanguageTable.safetyOf(lang).label()).append(',')
                .append(v.files).append(',').append(v.blank).append(',').append(v.comment).append(',').append(v.code).append('\n');
    }

    public static String text(Census c) {
        StringBuilder sb = new StringBuilder();
        if (c.commit() != null) {
            sb.append("commit ").append(c.commit()).append("\n\n");
        }
        if (!c.directories().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%-40s %-20s %7s %10s %8s%n", "Directory", "Language", "Files", "Code", "Unsafe%"));
            c.directories().forEach((dir, langs) -> {
                for (var e : ordered(langs)) {
                    sb.append(String.format(Locale.ROOT, "%-40s %-20s %7d %10d %8s%n", dir, e.getKey(), e.getValue().files,
                            e.getValue().code, Output.percent(Census.unsafeShare(langs))));
                }
            });
            sb.append('\n');
        }
        String line = "-".repeat(82) + "\n";
        sb.append(String.format(Locale.ROOT, "%-22s %-14s %8s %10s %10s %12s%n", "Language", "Class", "Files", "Blank", "Comment", "Code"));
        sb.append(line);
        for (var e : ordered(c.languages())) {
            LanguageCount v = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-22s %-14s %8d %10d %10d %12d%n", e.getKey(),
                    LanguageTable.safetyOf(e.getKey()).label(), v.files, v.blank, v.comment, v.code));
        }
        sb.append(line);
        for (var g : groups(c.languages()).entrySet()) {
            LanguageCount v = g.getValue();
            sb.append(String.format(Locale.ROOT, "%-37s %8d %10d %10d %12d%n", g.getKey(), v.files, v.blank, v.comment, v.code));
        }
        sb.append(line);
        sb.append("Memory-unsafe share of code: ").append(Output.percent(c.memoryUnsafeShare()))
                .append(" (memory-unsafe / (memory-unsafe + memory-safe) code lines)\n");
        RustUnsafe u = c.rustUnsafe();
        if (c.languages().containsKey("Rust")) {
            sb.append(String.format(Locale.ROOT, "Rust unsafe: %d blocks, %d fns, %d impls, %d traits; %d code lines (%s of Rust code);"
                            + " %d unsafe fn-pointer types (not functions)%n",
                    u.blocks(), u.fns(), u.impls(), u.traits(), u.unsafeLines(), Output.percent(c.rustUnsafeShare()), u.fnPointerTypes()));
        }
        return sb.toString();
    }
}
