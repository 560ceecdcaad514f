package io.memsafe.census.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * One period of the history: the census at its end and the code lines added and deleted during it.
 *
 * @param start first day (inclusive, UTC)
 * @param end first day of the next period (exclusive)
 * @param commit last first-parent commit dated before {@code end}
 * @param languages code lines per language at {@code commit}
 * @param added code lines added during the period, per language
 * @param deleted code lines deleted during the period, per language
 * @param addedLines physical lines added during the period, per language (what {@code git log --numstat} counts)
 * @param deletedLines physical lines deleted during the period, per language
 * @param memoryUnsafeShare memory-unsafe share of the code base at the period's end
 * @param newUnsafeShare memory-unsafe share of the code lines added in the period (Android's metric), computed
 *     from {@code added} (code lines), not from {@code added_lines}
 * @param rustUnsafeLines code lines inside unsafe Rust regions at the period's end
 */
@JsonPropertyOrder({"start", "end", "commit", "commits", "languages", "added", "deleted", "added_lines", "deleted_lines", "memory_unsafe_share", "new_unsafe_share", "rust_unsafe_lines"})
public record PeriodResult(String start, String end, String commit, int commits, Map<String, Long> languages,
                           Map<String, Long> added, Map<String, Long> deleted,
                           @JsonProperty("added_lines") Map<String, Long> addedLines,
                           @JsonProperty("deleted_lines") Map<String, Long> deletedLines,
                           @JsonProperty("memory_unsafe_share") Double memoryUnsafeShare,
                           @JsonProperty("new_unsafe_share") Double newUnsafeShare,
                           @JsonProperty("rust_unsafe_lines") long rustUnsafeLines) {
}
