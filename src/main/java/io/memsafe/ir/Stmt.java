package io.memsafe.ir;

import java.util.List;

/** The simple statements a basic block is made of. */
public sealed interface Stmt extends java.io.Serializable {
    /** The storage a statement writes whole or in part (an assignment's target, a call's or an allocation's result), or null. */
    static Lvalue target(Stmt s) {
        return switch (s) {
            case Assign a -> a.target();
            case InitAggregate ia -> ia.target();
            case Call c -> c.result();
            case Allocate al -> al.result();
            default -> null;
        };
    }

    /**
     * The callee of a call the frontend adds before a call of a name nothing declares, one per local
     * passed by name: the (macro) call may have stored into the local ({@code &v}, its only argument), so
     * its bytes count as written; what they hold stays as it was (see {@code CallLowering.macroStores}).
     */
    String MAY_STORE = "__memsafe_macro_argument";
    SourceLoc loc();

    record Assign(Lvalue target, Expr value, SourceLoc loc) implements Stmt { }
    /**
     * Calls a named function or through a pointer; result may be null. From the callee's declared
     * prototype: {@code readOnlyArgs} are pointer-to-const parameters (the callee does not write
     * through them), {@code stringArgs} the {@code const char *} / {@code const wchar_t *} ones of a
     * function that takes no length, which C convention reads as NUL-terminated strings (element
     * size in the map value).
     */
    record Call(Lvalue result, String callee, Expr calleeExpr, List<Expr> args, SourceLoc loc,
                java.util.Set<Integer> readOnlyArgs, java.util.Map<Integer, Integer> stringArgs) implements Stmt {
        public Call(Lvalue result, String callee, Expr calleeExpr, List<Expr> args, SourceLoc loc) {
            this(result, callee, calleeExpr, args, loc, java.util.Set.of(), java.util.Map.of());
        }
    }
    /** C++ new / new[] and allocation builtins the front end recognises by syntax, not by name. */
    record Allocate(Lvalue result, Expr size, String family, SourceLoc loc) implements Stmt { }
    /** C++ delete / delete[]. */
    record Free(Expr pointer, String family, SourceLoc loc) implements Stmt { }
    /** Continue only where cond evaluates to {@code truth}. */
    record Assume(Expr cond, boolean truth, SourceLoc loc) implements Stmt { }
    record Return(Expr value, SourceLoc loc) implements Stmt { }
    /** A declaration comes into scope: its storage is fresh (uninitialised for automatics). */
    record Declare(Variable var, SourceLoc loc) implements Stmt { }
    /** Initialise an aggregate from a string literal or initializer list (remaining bytes zero). */
    record InitAggregate(Lvalue target, Expr stringLiteral, List<Expr> elements, SourceLoc loc) implements Stmt { }
}
