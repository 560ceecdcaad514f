package io.memsafe.ir;

/**
 * Side-effect-free expressions. Every call, assignment and increment has been pulled out into a
 * {@link Stmt} by the lowering, so evaluating an Expr never changes the state.
 */
public sealed interface Expr extends java.io.Serializable {
    Type type();

    /** The expression under its conversions: {@code p} for {@code (T *) (U *) p}. */
    static Expr uncast(Expr e) {
        while (e instanceof Cast c) e = c.operand();
        return e;
    }

    /** The pointer an address is computed from: {@code p} for {@code (T *) p + k - j}. */
    static Expr basePointer(Expr e) {
        while (true) {
            if (e instanceof Cast c) e = c.operand();
            else if (e instanceof Binary b && (b.op() == BinOp.ADD || b.op() == BinOp.SUB) && b.left().type() instanceof Type.Pointer) e = b.left();
            else return e;
        }
    }

    /** The variable an expression reads, through conversions ({@code p}, {@code (T *) p}); null for anything else. */
    static Variable loadedVariable(Expr e) {
        return uncast(e) instanceof Load l && l.lv() instanceof Lvalue.Var v ? v.var() : null;
    }

    record IntConst(long value, Type type) implements Expr { }
    record FloatConst(double value, Type type) implements Expr { }
    /** A string literal; {@code bytes} holds the characters, elementSize is 1 or 4 (L"..."). */
    record StringLit(String text, int elementSize, Type type, String id) implements Expr { }
    /** The value stored at an lvalue (a load). */
    record Load(Lvalue lv, Type type) implements Expr { }
    /** &lv; also the decay of an array lvalue to a pointer to its first element. */
    record AddressOf(Lvalue lv, Type type) implements Expr { }
    record FunctionRef(String name, Type type) implements Expr { }
    record Unary(UnOp op, Expr operand, Type type) implements Expr { }
    /** Binary arithmetic and comparison. For pointer +/- integer the integer is scaled by {@code scale}. */
    record Binary(BinOp op, Expr left, Expr right, Type type, long scale) implements Expr { }
    record Cast(Expr operand, Type type) implements Expr { }
    /** A value the front end could not lower (unsupported construct); analysed as unknown. */
    record Opaque(String why, Type type) implements Expr { }

    enum UnOp { NEG, NOT, BITNOT }

    enum BinOp {
        ADD, SUB, MUL, DIV, MOD, SHL, SHR, AND, OR, XOR, LT, LE, GT, GE, EQ, NE, PTRDIFF;

        public boolean isComparison() { return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE; }

        /** The comparison that holds when this one does not. */
        public BinOp negate() {
            return switch (this) {
                case LT -> GE; case LE -> GT; case GT -> LE; case GE -> LT; case EQ -> NE; case NE -> EQ;
                default -> throw new IllegalStateException(name());
            };
        }

        /** a op b  <=>  b swap(op) a */
        public BinOp swap() {
            return switch (this) {
                case LT -> GT; case LE -> GE; case GT -> LT; case GE -> LE; default -> this;
            };
        }
    }
}
