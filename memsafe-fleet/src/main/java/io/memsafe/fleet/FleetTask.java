package io.memsafe.fleet;

import java.io.Serializable;
import java.util.List;

/**
 * One unit of the fleet for one Spark task: a repository (census at the tip and its history), a binary tree
 * (harden) or a compile database (scan).
 *
 * @param store the repository's history store, or null for its own (REPO/.memsafe/history.db, as {@code memsafe history})
 */
public record FleetTask(Kind kind, String name, String path, String rev, List<String> tags, HistoryRange range, String store)
        implements Serializable {

    public enum Kind { repository, binaries, scan }

    /** What {@code memsafe history} is asked for: {@code since}/{@code until} as given on the command line, or null. */
    public record HistoryRange(String since, String until, String period) implements Serializable {
    }
}
