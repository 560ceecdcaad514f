package io.memsafe.frontend;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.eclipse.cdt.core.dom.ast.DOMException;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPReferenceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code std::basic_string} ({@code string}, {@code wstring}) as the prelude declares it. A string's
 * characters are in a heap block of unknown size and contents that the string points to (the
 * family of container storage: never a leak nor a mismatch). What the standard says of the
 * pointers {@code c_str()}, {@code data()}, {@code begin()} and {@code s[i]} give:
 * <ul>
 * <li>every non-const member may invalidate them (append, {@code +=}, push_back, pop_back, clear,
 * resize, reserve, assign, insert, erase, replace, swap, {@code =}): the string gets a new block
 * and the old one is freed, so a use through an old pointer is a use after free;</li>
 * <li>a temporary string (a function's result, {@code a + b}, {@code substr}) lives until the end
 * of the full expression: its block is freed after the statement, so {@code const char *p =
 * f().c_str();} leaves p dangling.</li>
 * </ul>
 * A string handed to a function by value is a copy with a block of its own. Other members give
 * values the analysis does not know. Views ({@code string_view}, {@code span}) are in {@link ViewLowering}.
 */
final class StringLowering {
    private static final Set<String> INVALIDATING = Set.of("append", "push_back", "pop_back", "clear", "resize", "reserve",
            "shrink_to_fit", "assign", "insert", "erase", "replace", "swap");
    private static final Set<String> POINTERS = Set.of("c_str", "data", "begin", "cbegin");
    private static final Set<String> ELEMENTS = Set.of("at", "front", "back", "operator[]");
    private static final Set<String> PURE = Set.of("size", "length", "capacity", "max_size", "empty", "find", "rfind",
            "find_first_of", "find_last_of", "find_first_not_of", "find_last_not_of", "compare", "end", "cend");

    private final Lowering lowering;
    /** The blocks of the temporary strings of the statement being lowered, freed at its end. */
    private final List<Variable> temporaries = new ArrayList<>();
    /**
     * Where the statement being lowered starts: its temporaries' block variables are set to NULL there,
     * so that one made on one arm of {@code c ? s.c_str() : p} only is not destroyed on the other (in a
     * loop, the variable would still hold the previous iteration's block).
     */
    private BasicBlock statementBlock;
    private int statementIndex;

    StringLowering(Lowering lowering) {
        this.lowering = lowering;
    }

    /** Whether a type is the prelude's basic_string (through typedefs, qualifiers, references and, if asked, a pointer). */
    static boolean isString(IType t, boolean throughPointer) {
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof ITypedef td) t = td.getType();
            else if (t instanceof IQualifierType q) t = q.getType();
            else if (t instanceof ICPPReferenceType r) t = r.getType();
            else if (throughPointer && t instanceof IPointerType p) { t = p.getType(); throughPointer = false; }
            else if (t instanceof ICPPClassType c) return isString(c);
            else return false;
        }
        return false;
    }

    static boolean isString(ICPPClassType c) {
        try {
            String[] qn = c.getQualifiedName();
            return qn.length == 2 && "std".equals(qn[0]) && "basic_string".equals(qn[1]);
        } catch (DOMException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a member call is on a string (resolved or not: any member of the prelude's string is lowered here). */
    static boolean handles(IASTFieldReference fr) {
        try {
            return isString(fr.getFieldOwner().getExpressionType(), fr.isPointerDereference());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A string's pointer to its characters; null when its type is not the prelude's. */
    static Lvalue storage(Lvalue string, SourceLoc where) {
        if (!(string.type() instanceof Type.Struct s) || s.field(ContainerLowering.STORAGE) == null) return null;
        Type.Field f = s.field(ContainerLowering.STORAGE);
        if (string instanceof Lvalue.Deref d) return new Lvalue.Deref(d.pointer(), d.byteOffset() + f.offset(), f.type(), where);
        return new Lvalue.Field(string, ContainerLowering.STORAGE, f.offset(), f.type(), where);
    }

    /** Gives the string at {@code storage} a new block of characters the analysis does not know; frees the old one if asked. */
    void renew(Lvalue storage, boolean freeOld, SourceLoc where) {
        Variable old = null;
        if (freeOld) {
            old = lowering.temp(storage.type());
            lowering.emit(new Stmt.Assign(new Lvalue.Var(old, where), new Expr.Load(storage, storage.type()), where));
        }
        Variable fresh = lowering.temp(storage.type());
        lowering.emit(new Stmt.Allocate(new Lvalue.Var(fresh, where), new Expr.Opaque("characters' size", lowering.model().sizeT()),
                ContainerLowering.STORAGE_FAMILY, where));
        Expr block = new Expr.Load(new Lvalue.Var(fresh, where), fresh.type);
        // characters written by code the analysis does not see: known to be written, values unknown
        lowering.statements().withoutExceptionEdges(() -> lowering.classes.constructUnresolved(block, new IASTInitializerClause[0], where));
        lowering.emit(new Stmt.Assign(storage, block, where));
        if (old != null) lowering.emit(new Stmt.Free(new Expr.Load(new Lvalue.Var(old, where), old.type), ContainerLowering.STORAGE_FAMILY, where));
    }

    /** A string constructed at {@code object} from {@code args}: characters of its own; a string moved from gets new ones. */
    void construct(Lvalue object, IASTInitializerClause[] args, SourceLoc where) {
        for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) evaluateMoving(e, where);
        Lvalue storage = storage(object, where);
        if (storage != null) renew(storage, false, where);
        else lowering.classes.constructUnresolved(new Expr.AddressOf(object, new Type.Pointer(object.type())), new IASTInitializerClause[0], where);
    }

    /** Evaluates an argument; {@code std::move(s)} of a string leaves s with characters of its own (its old block goes with the move). */
    private void evaluateMoving(IASTExpression e, SourceLoc where) {
        IASTExpression moved = SmartPointerLowering.movedOperand(e);
        if (moved != null && isString(moved.getExpressionType(), false)) {
            Lvalue from = lowering.lvalue(moved);
            Lvalue storage = storage(from, where);
            if (storage != null) renew(storage, false, where);
            return;
        }
        lowering.effect(e);
    }

    /** The string an expression names (see {@link #object}). */
    Lvalue objectOf(IASTExpression owner, SourceLoc where) {
        return object(owner, false, where);
    }

    /** The string an expression designates; a temporary one (a prvalue) gets a block freed at the end of the statement. */
    private Lvalue object(IASTExpression owner, boolean throughPointer, SourceLoc where) {
        if (throughPointer) return new Lvalue.Deref(lowering.rvalue(owner), 0, Type.pointee(lowering.typeOf(owner)), where);
        if (isTemporary(owner)) {
            Expr v = lowering.rvalue(owner);
            Variable t = lowering.temp(v.type());
            lowering.emit(new Stmt.Declare(t, where));
            lowering.emit(new Stmt.Assign(new Lvalue.Var(t, where), v, where));
            Lvalue storage = storage(new Lvalue.Var(t, where), where);
            if (storage != null) {
                renew(storage, false, where);
                Variable block = lowering.temp(storage.type());
                if (statementBlock != null) statementBlock.stmts.add(statementIndex, new Stmt.Assign(new Lvalue.Var(block, where), new Expr.IntConst(0, block.type), where));
                lowering.emit(new Stmt.Assign(new Lvalue.Var(block, where), new Expr.Load(storage, storage.type()), where));
                temporaries.add(block);
            }
            return new Lvalue.Var(t, where);
        }
        return lowering.lvalue(owner);
    }

    /** Whether an expression makes a temporary object (a prvalue of class type): a call's result, {@code a + b}, a construction. */
    static boolean isTemporary(IASTExpression e) {
        try {
            return e.getValueCategory() == org.eclipse.cdt.core.dom.ast.IASTExpression.ValueCategory.PRVALUE;
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /** A member call on a string. */
    Expr call(IASTFunctionCallExpression c, IASTFieldReference fr, SourceLoc where) {
        String name = fr.getFieldName().getLastName().toString();
        IASTInitializerClause[] args = c.getArguments();
        Type result = lowering.typeOf(c);
        Lvalue object = object(fr.getFieldOwner(), fr.isPointerDereference(), where);
        Lvalue storage = storage(object, where);
        if (storage == null) {
            for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) lowering.effect(e);
            return result instanceof Type.Void ? new Expr.IntConst(0, Type.VOID) : new Expr.Opaque("string " + name, result);
        }
        Type elem = Type.pointee(storage.type());
        if (POINTERS.contains(name)) {
            for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) lowering.effect(e);
            return lowering.convert(new Expr.Load(storage, storage.type()), result instanceof Type.Pointer ? result : storage.type());
        }
        if (ELEMENTS.contains(name)) {
            // a reference to a character: its address (the caller dereferences a reference result)
            // (back(): the block's size is unknown, so the character's position in it is not followed: its start)
            Expr index = args.length > 0 && args[0] instanceof IASTExpression i ? lowering.rvalue(i)
                    : new Expr.IntConst(0, lowering.model().sizeT());
            return new Expr.Binary(Expr.BinOp.ADD, new Expr.Load(storage, storage.type()), index, storage.type(), Math.max(1, elem.size()));
        }
        if (INVALIDATING.contains(name)) {
            for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) evaluateMoving(e, where);
            if ("swap".equals(name) && args.length == 1 && args[0] instanceof IASTExpression other
                    && isString(other.getExpressionType(), false) && storage(lowering.lvalue(other), where) instanceof Lvalue otherStorage) {
                renew(otherStorage, true, where);
            }
            renew(storage, true, where);
            if (result instanceof Type.Void) return new Expr.IntConst(0, Type.VOID);
            if (result instanceof Type.Pointer) return lowering.convert(new Expr.Load(storage, storage.type()), result); // an iterator
            return new Expr.Opaque("string " + name, result);
        }
        if ("substr".equals(name)) {
            for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) lowering.effect(e);
            Variable t = lowering.temp(object.type());
            lowering.emit(new Stmt.Declare(t, where));
            Lvalue ts = storage(new Lvalue.Var(t, where), where);
            if (ts != null) renew(ts, false, where);
            return new Expr.Load(new Lvalue.Var(t, where), t.type);
        }
        if (PURE.contains(name)) {
            for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) lowering.effect(e);
            return result instanceof Type.Void ? new Expr.IntConst(0, Type.VOID) : new Expr.Opaque("string " + name, result);
        }
        // a member the model does not know (copy(dest, n), ...): what its arguments point to is written by unknown code
        List<Expr> actuals = new ArrayList<>();
        for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) actuals.add(lowering.rvalue(e));
        Variable r = result instanceof Type.Void ? null : lowering.temp(result);
        lowering.emit(new Stmt.Call(r == null ? null : new Lvalue.Var(r, where), null,
                new Expr.Opaque("string " + name, lowering.pointer(Type.VOID)), actuals, where));
        return r == null ? new Expr.IntConst(0, Type.VOID) : new Expr.Load(new Lvalue.Var(r, where), r.type);
    }

    /** {@code s[i]}: the character at index i of the string's block. */
    Lvalue subscript(IASTExpression string, IASTExpression index, Type elementType, SourceLoc where) {
        Lvalue object = object(string, false, where);
        Lvalue storage = storage(object, where);
        Expr i = lowering.rvalue(index);
        if (storage == null) return new Lvalue.Deref(new Expr.Opaque("string character", lowering.pointer(elementType)), 0, elementType, where);
        Type elem = Type.pointee(storage.type());
        return new Lvalue.Deref(new Expr.Binary(Expr.BinOp.ADD, new Expr.Load(storage, storage.type()), i, storage.type(), Math.max(1, elem.size())),
                0, elementType, where);
    }

    /**
     * A binary operator with a string operand: {@code =} and {@code +=} give the string new
     * characters (old pointers dangle), {@code +} makes a temporary string, comparisons and the rest
     * give values the analysis does not know.
     */
    Expr binary(IASTBinaryExpression b, SourceLoc where) {
        int op = b.getOperator();
        IASTExpression left = b.getOperand1();
        IASTExpression right = b.getInitOperand2() instanceof IASTExpression r ? r : null;
        Type result = lowering.typeOf(b);
        if ((op == IASTBinaryExpression.op_assign || op == IASTBinaryExpression.op_plusAssign) && isString(left.getExpressionType(), false)) {
            if (right != null) evaluateMoving(right, where);
            Lvalue target = lowering.lvalue(left);
            Lvalue storage = storage(target, where);
            if (storage != null) renew(storage, true, where);
            return new Expr.Load(target, target.type());
        }
        if (op == IASTBinaryExpression.op_plus && isString(b.getExpressionType(), false)) {
            lowering.effect(left);
            if (right != null) lowering.effect(right);
            Variable t = lowering.temp(result);
            lowering.emit(new Stmt.Declare(t, where));
            Lvalue ts = storage(new Lvalue.Var(t, where), where);
            if (ts != null) renew(ts, false, where);
            return new Expr.Load(new Lvalue.Var(t, where), t.type);
        }
        lowering.effect(left);
        if (right != null) lowering.effect(right);
        return new Expr.Opaque("string operator", result instanceof Type.Void || result instanceof Type.Unknown ? Type.INT : result);
    }

    /**
     * A string handed over by value: the callee's copy has characters of its own (a change it makes
     * does not free the caller's). {@code std::move(s)} leaves s with a new block.
     */
    Expr byValue(IASTExpression e, SourceLoc where) {
        IASTExpression moved = SmartPointerLowering.movedOperand(e);
        Lvalue from = lowering.lvalue(moved != null ? moved : e);
        Variable t = lowering.temp(from.type());
        lowering.emit(new Stmt.Assign(new Lvalue.Var(t, where), new Expr.Load(from, from.type()), where));
        Lvalue storage = storage(moved != null ? from : new Lvalue.Var(t, where), where);
        if (storage != null) renew(storage, false, where);
        return new Expr.Load(new Lvalue.Var(t, where), t.type);
    }

    /** The start of an expression or declaration statement, whose temporaries {@link #endOfStatement} destroys. */
    void startOfStatement() {
        statementBlock = lowering.cur;
        statementIndex = lowering.cur.stmts.size();
    }

    /** The end of a statement: the temporary strings made in it are destroyed (their blocks freed). */
    void endOfStatement(SourceLoc where) {
        for (Variable block : temporaries) {
            lowering.emit(new Stmt.Free(new Expr.Load(new Lvalue.Var(block, where), block.type), ContainerLowering.STORAGE_FAMILY, where));
        }
        temporaries.clear();
        statementBlock = null;
    }

    /** Temporaries of an expression that is not a statement of its own (a condition, a return): not freed here. */
    void forgetTemporaries() {
        temporaries.clear();
        statementBlock = null;
    }
}
