package io.memsafe.ir;

/** A position in a source file, 1-based line and column. */
public record SourceLoc(String file, int line, int column) implements Comparable<SourceLoc>, java.io.Serializable {
    public static final SourceLoc NONE = new SourceLoc("", 0, 0);

    @Override
    public int compareTo(SourceLoc o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() { return file + ":" + line + ":" + column; }
}
