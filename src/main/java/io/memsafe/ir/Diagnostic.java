package io.memsafe.ir;

/**
 * Something the scan wants the user to know that is not a finding: a file that did not parse, a
 * missing header, a function whose analysis ran out of budget.
 */
public record Diagnostic(SourceLoc loc, Level level, String message) implements Comparable<Diagnostic>, java.io.Serializable {
    public enum Level { NOTE, WARNING, ERROR }

    @Override
    public int compareTo(Diagnostic o) {
        int c = loc.compareTo(o.loc);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
