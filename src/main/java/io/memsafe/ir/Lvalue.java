package io.memsafe.ir;

/** A memory location an expression designates. */
public sealed interface Lvalue extends java.io.Serializable {
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
