package io.memsafe.analysis.engine;

import java.util.Locale;
import java.util.Set;

/**
 * What the analysis assumes of a function whose body it does not see and that no library model
 * describes. Handing it a pointer to a freed block is a use after free, except for functions whose
 * job is to release or to drop a reference: by the naming conventions C libraries follow for their
 * deallocators ({@code g_free}, {@code xmlFreeDoc}, {@code png_destroy_read_struct},
 * {@code BIO_free_all}, {@code kref_put}, {@code Release}), they may well receive a pointer that is
 * already released or being released. Clang's MallocChecker draws the same line with its ownership
 * attributes.
 */
final class UnseenCalls {
    private UnseenCalls() { }

    private static final Set<String> RELEASE_WORDS = Set.of("release", "destroy", "delete", "dispose", "unref", "put", "close",
            "cleanup", "finalize", "finalise", "dealloc", "deinit", "drop", "unlink", "clear", "reset", "done");

    /**
     * Does the name say the function releases what it is given? One of its words (split at
     * underscores and lower-to-upper case changes) is a release verb, or ends in "free" ({@code kfree}).
     */
    static boolean releases(String name) {
        if (name == null) return false;
        for (String w : name.split("_|(?<=[a-z0-9])(?=[A-Z])")) {
            String word = w.toLowerCase(Locale.ROOT);
            if (word.endsWith("free") || RELEASE_WORDS.contains(word)) return true;
        }
        return false;
    }
}
