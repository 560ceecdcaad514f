package io.memsafe.census.history;

import io.memsafe.census.Output;
import io.memsafe.census.lang.LanguageTable;
import io.memsafe.census.lang.Safety;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Renders a history as a text table, CSV or JSON. */
public final class HistoryFormat {

    private HistoryFormat() {
    }

    static long sum(Map<String, Long> byLanguage, Safety safety) {
        return byLanguage.entrySet().stream().filter(e -> LanguageTable.safetyOf(e.getKey()) == safety).mapToLong(Map.Entry::getValue).sum();
    }

    public static String json(HistoryEngine.Result r) throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tip", r.tip());
        // said in the output itself, since both kinds of line counts sit side by side in every period
        root.put("new_unsafe_share_counts", "added (code lines)");
        root.put("periods", r.periods());
        return Output.JSON.writeValueAsString(root) + "\n";
    }

    /** Long format: one row per period and language, with the period's shares repeated for easy filtering. */
    public static String csv(HistoryEngine.Result r) {
        StringBuilder sb = new StringBuilder("start,end,commit,language,class,code,added,deleted,added_lines,deleted_lines,memory_unsafe_share,new_unsafe_share\n");
        for (PeriodResult p : r.periods()) {
            TreeSet<String> langs = new TreeSet<>(p.languages().keySet());
            langs.addAll(p.added().keySet());
            langs.addAll(p.deleted().keySet());
            langs.addAll(p.addedLines().keySet());
            langs.addAll(p.deletedLines().keySet());
            for (String l : langs) {
                sb.append(p.start()).append(',').append(p.end()).append(',').append(p.commit()).append(',')
                        .append(Output.csv(l)).append(',').append(LanguageTable.safetyOf(l).label()).append(',')
                        .append(p.languages().getOrDefault(l, 0L)).append(',').append(p.added().getOrDefault(l, 0L)).append(',')
                        .append(p.deleted().getOrDefault(l, 0L)).append(',')
                        .append(p.addedLines().getOrDefault(l, 0L)).append(',')
                        .append(p.deletedLines().getOrDefault(l, 0L)).append(',')
                        .append(p.memoryUnsafeShare() == null ? "" : p.memoryUnsafeShare()).append(',')
                        .append(p.newUnsafeShare() == null ? "" : p.newUnsafeShare()).append('\n');
            }
        }
        return sb.toString();
    }

    public static String text(HistoryEngine.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s %-10s %7s %10s %10s %8s %9s %9s %8s  %s%n", "Period", "Commit", "Commits",
                "Unsafe", "Safe", "Unsafe%", "+Unsafe", "+Safe", "New-uns%", "Top added languages"));
        for (PeriodResult p : r.periods()) {
            StringBuilder top = new StringBuilder();
            p.added().entrySet().stream()
                    .filter(e -> LanguageTable.safetyOf(e.getKey()) != Safety.OTHER)
                    .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : Long.compare(b.getValue(), a.getValue()))
                    .limit(3)
                    .forEach(e -> top.append(top.isEmpty() ? "" : ", ").append(e.getKey()).append(" +").append(e.getValue()));
            sb.append(String.format(Locale.ROOT, "%-10s %-10s %7d %10d %10d %8s %9d %9d %8s  %s%n", p.start(), p.commit().substring(0, 10),
                    p.commits(), sum(p.languages(), Safety.UNSAFE), sum(p.languages(), Safety.SAFE), Output.percent(p.memoryUnsafeShare()),
                    sum(p.added(), Safety.UNSAFE), sum(p.added(), Safety.SAFE), Output.percent(p.newUnsafeShare()), top));
        }
        sb.append("+Unsafe, +Safe and New-uns% (Android's metric) count added code lines; JSON and CSV also give physical\n"
                + "lines (added_lines, deleted_lines) as git log --numstat counts them.\n");
        return sb.toString();
    }
}
