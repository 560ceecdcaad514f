package io.memsafe.census.lang;

import java.util.List;

/**
 * One row of the declarative language table: how files are recognised and how their lines are counted.
 * Names follow cloc's so that results can be compared with it line by line.
 */
public record Language(String name, Safety safety, Syntax syntax, List<String> extensions, List<String> fileNames) {

    /** A copy of this row that is also recognised by exact file names (Makefile, CMakeLists.txt). */
    public Language withNames(String... names) {
        return new Language(name, safety, syntax, extensions, List.of(names));
    }

    public boolean isRust() {
        return syntax.rust();
    }

    @Override
    public String toString() {
        return name;
    }
}
