package io.memsafe.ir;

/** A memory location an expression designates. */
public sealed interface Lvalue extends java.io.Serializable {
    /**
     * Members of a structure whose layout the scan does not know (its definition is in a missing
     * header) are placed in a window of offsets no real object reaches, one place per member name
     * ({@code frontend.Lowering#unknownLayoutSlot}): their values are kept apart, and no bounds check
     * reads these offsets, which say nothing of where the member lies.
     */
    long UNKNOWN_LAYOUT_BASE = 1L << 40;
    long UNKNOWN_LAYOUT_WINDOW = 1L << 20;

    static boolean inUnknownLayoutWindow(long lo, long hi) {
        return lo >= UNKNOWN_LAYOUT_BASE && hi < UNKNOWN_LAYOUT_BASE + UNKNOWN_LAYOUT_WINDOW;
    }

    /** Do the offsets [lo, hi] reach into the window of members of unknown layout? */
    static boolean touchesUnknownLayoutWindow(long lo, long hi) {
        return hi >= UNKNOWN_LAYOUT_BASE && lo < UNKNOWN_LAYOUT_BASE + UNKNOWN_LAYOUT_WINDOW;
    }

    Type type();
    SourceLoc loc();

    record Var(Variable var, SourceLoc loc) implements Lvalue {
        public Type type() { return var.type; }
    }
    /** *pointer, with an additional constant byte offset (field of a pointed-to struct) folded in. */
    record Deref(Expr pointer, long byteOffset, Type type, SourceLoc loc) implements Lvalue { }
    /** base[index]: base is an array lvalue; index in elements of {@code type}. */
    record Index(Lvalue base, Expr index, Type type, SourceLoc loc) implements Lvalue { }
    /** base.field at a constant byte offset inside base. */
    record Field(Lvalue base, String name, long offset, Type type, SourceLoc loc) implements Lvalue { }
}
