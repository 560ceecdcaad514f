package io.memsafe.ir;

import java.util.ArrayList;
import java.util.List;

/** A function body as a control-flow graph. */
public final class Function implements java.io.Serializable {
    public final String name;
    public final Type.Function type;
    public final List<Variable> params;
    public final boolean isStatic;
    public final SourceLoc loc;
    public final String unit;
    public final List<BasicBlock> blocks = new ArrayList<>();
    public BasicBlock entry;
    public BasicBlock exit;
    /**
     * Takes a {@code va_list} parameter: it reads its caller's variable arguments through
     * {@code va_arg} (a formatter such as a {@code vsnprintf} of the program's own).
     */
    public boolean takesVaList;

    /**
     * Declared never to return ({@code [[noreturn]]}, {@code __attribute__((noreturn))},
     * {@code _Noreturn}): a caller's path ends at a call to it, whatever it does first.
     */
    public boolean noReturn;

    /**
     * Declared with hidden visibility ({@code __attribute__((visibility("hidden")))}): not part of the
     * interface of the library it is linked into, so not one of its entry points.
     */
    public boolean hidden;

    /**
     * Written in C++: a class passed or returned by value goes through its copy or move constructor,
     * which the lowering makes explicit, not a copy of its bytes.
     */
    public boolean cplusplus;

    /**
     * A statement of the body the parser could not read (a compiler's extension, a macro of a header the
     * scan lacks): what it does — a test, a store, a call that never returns — is unknown.
     */
    public boolean unread;

    /**
     * The extents (first and last character) of the statements a {@code __try} guards: an exception raised
     * there (a user address that faults) reaches the {@code __except} handler.
     */
    public final List<Extent> guarded = new ArrayList<>();

    /** The source a statement spans, from its first character to its last. */
    public record Extent(SourceLoc first, SourceLoc last) implements java.io.Serializable {
        public boolean contains(SourceLoc loc) { return first.compareTo(loc) <= 0 && loc.compareTo(last) <= 0; }
    }

    /** Is {@code loc} inside a statement a {@code __try} of this function guards? */
    public boolean guards(SourceLoc loc) {
        for (Extent g : guarded) if (g.contains(loc)) return true;
        return false;
    }

    /** A function's name as messages show it: C++ names carry their parameter types already, others get "()". */
    public static String called(String name) {
        return name.endsWith(")") ? name : name + "()";
    }

    public Function(String name, Type.Function type, List<Variable> params, boolean isStatic, SourceLoc loc, String unit) {
        this.name = name;
        this.type = type;
        this.params = params;
        this.isStatic = isStatic;
        this.loc = loc;
        this.unit = unit;
    }

    public BasicBlock newBlock() {
        BasicBlock b = new BasicBlock(blocks.size());
        blocks.add(b);
        return b;
    }

    @Override public String toString() { return name; }
}
