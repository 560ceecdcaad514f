package io.memsafe.frontend;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.eclipse.cdt.core.dom.ast.DOMException;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPFunction;

import java.util.List;
import java.util.Map;

/**
 * The functions of {@code <algorithm>} whose effect the analysis states itself (the prelude only
 * declares them): {@code std::min} and {@code std::max} of numbers and pointers as the comparison the
 * standard defines, so that a length capped by them keeps its relation to both values; {@code std::copy},
 * {@code std::copy_n}, {@code std::fill} and {@code std::fill_n} over raw pointers to scalars as
 * the {@code memmove} and {@code memset} of the bytes they cover, so that a destination too small
 * for the range is an overflow as with the C functions. Over iterators of other kinds, or elements
 * of class type (copied by their assignment operators), they stay calls the analysis does not see into.
 */
final class AlgorithmLowering {
    /** The functions lowered here, with the number of arguments of the form lowered. */
    private static final Map<String, Integer> ARITY = Map.of("min", 2, "max", 2, "copy", 3, "copy_n", 3, "fill", 3, "fill_n", 3);

    /** The callees the lowered calls name: models of memmove and memset (models/LibraryModels), named for messages. */
    static final String COPY = "std::copy (as memmove)", FILL = "std::fill (as memset)";

    private final Lowering lw;

    AlgorithmLowering(Lowering lw) {
        this.lw = lw;
    }

    /** The name of the {@code std} function a call of {@code f} lowered here calls, or null. */
    static String handled(IFunction f, IASTFunctionCallExpression c) {
        if (!(f instanceof ICPPFunction cf)) return null;
        try {
            String[] qn = cf.getQualifiedName();
            if (qn.length != 2 || !"std".equals(qn[0])) return null;
            Integer arity = ARITY.get(qn[1]);
            return arity != null && arity == c.getArguments().length ? qn[1] : null;
        } catch (DOMException | RuntimeException e) {
            return null;
        }
    }

    /** The call lowered; null when its operands are not of the kind lowered here (the caller makes an ordinary call). */
    Expr lower(String name, IASTFunctionCallExpression c, SourceLoc where) {
        IASTInitializerClause[] a = c.getArguments();
        for (IASTInitializerClause x : a) if (!(x instanceof IASTExpression)) return null;
        IASTExpression a0 = (IASTExpression) a[0], a1 = (IASTExpression) a[1];
        return switch (name) {
            case "min", "max" -> minMax(c, a0, a1, "max".equals(name), where);
            case "copy" -> copy(c, a0, a1, null, (IASTExpression) a[2], where);
            case "copy_n" -> copy(c, a0, null, a1, (IASTExpression) a[2], where);
            case "fill" -> fill(c, a0, a1, null, (IASTExpression) a[2], where);
            case "fill_n" -> fill(c, a0, null, a1, (IASTExpression) a[2], where);
            default -> null;
        };
    }

    /**
     * {@code std::min(a, b)} is {@code b < a ? b : a}, {@code std::max(a, b)} is {@code a < b ? b : a}.
     * The result is the address of a temporary holding the value chosen (the call returns a reference).
     */
    private Expr minMax(IASTFunctionCallExpression c, IASTExpression x, IASTExpression y, boolean max, SourceLoc where) {
        Type t = lw.typeOf(c);
        if (!scalar(t)) return null; // a class compares through its operator<, a call
        // each operand held in a variable of its own first: the test and the choice then relate the result
        // to both as values ({@code copy = std::min(n, size - pos); n - copy} is not below zero whatever
        // {@code size - pos} is)
        Expr a = held(lw.convert(lw.rvalue(x), t), where);
        Expr b = held(lw.convert(lw.rvalue(y), t), where);
        Variable result = lw.temp(t);
        BasicBlock second = lw.fn.newBlock(), first = lw.fn.newBlock(), join = lw.fn.newBlock();
        lw.statements.branch(max ? new Expr.Binary(BinOp.LT, a, b, Type.INT, 1) : new Expr.Binary(BinOp.LT, b, a, Type.INT, 1),
                second, first, where);
        lw.cur = second;
        lw.emit(new Stmt.Assign(new Lvalue.Var(result, where), b, where));
        lw.cur.to(join);
        lw.cur = first;
        lw.emit(new Stmt.Assign(new Lvalue.Var(result, where), a, where));
        lw.cur.to(join);
        lw.cur = join;
        return new Expr.AddressOf(new Lvalue.Var(result, where), lw.pointer(t));
    }

    /** A constant or a variable as it is; anything else held in a variable of its own ({@link #once}). */
    private Expr held(Expr v, SourceLoc where) {
        return v instanceof Expr.IntConst || v instanceof Expr.Load l && l.lv() instanceof Lvalue.Var ? v : once(v, where);
    }

    /** The element type of a raw pointer to scalars, or of an array of them (the kinds of iterator lowered here), else null. */
    private Type scalarElement(IASTExpression e) {
        Type t = lw.typeOf(e);
        Type elem = t instanceof Type.Pointer p ? p.pointee() : t instanceof Type.Array a ? a.element() : null;
        return scalar(elem) ? elem : null;
    }

    /** A number or a pointer: what compares and copies as its bytes. */
    private static boolean scalar(Type t) {
        return t instanceof Type.Int || t instanceof Type.Float || t instanceof Type.Pointer;
    }

    /**
     * {@code std::copy(first, last, out)} and {@code std::copy_n(first, n, out)}: the bytes of the
     * source range moved to out (memmove: the ranges may overlap), and out advanced past them.
     */
    private Expr copy(IASTFunctionCallExpression c, IASTExpression first, IASTExpression last, IASTExpression count,
                      IASTExpression out, SourceLoc where) {
        Type elem = scalarElement(first), outElem = scalarElement(out);
        if (elem == null || outElem == null || elem.size() <= 0 || elem.size() != outElem.size()) return null;
        Expr from = once(lw.rvalue(first), where);
        Expr n = count != null ? once(lw.convert(lw.rvalue(count), lw.model().ptrdiffT()), where)
                : once(new Expr.Binary(BinOp.PTRDIFF, lw.rvalue(last), from, lw.model().ptrdiffT(), elem.size()), where);
        Expr to = once(lw.rvalue(out), where);
        lw.emit(new Stmt.Call(null, COPY, null, List.of(to, from, bytes(n, elem)), where));
        return lw.convert(lw.pointerAdd(to, n, outElem), lw.typeOf(c));
    }

    /**
     * {@code std::fill(first, last, v)} and {@code std::fill_n(out, n, v)}: every element of the range
     * written with v (a byte-wide element with v itself, a wider one with zero bytes when v is 0, else
     * with a value the analysis does not know), and fill_n's result out advanced past them.
     */
    private Expr fill(IASTFunctionCallExpression c, IASTExpression first, IASTExpression last, IASTExpression count,
                      IASTExpression value, SourceLoc where) {
        Type elem = scalarElement(first);
        if (elem == null || elem.size() <= 0) return null;
        Expr to = once(lw.rvalue(first), where);
        Expr n = count != null ? once(lw.convert(lw.rvalue(count), lw.model().ptrdiffT()), where)
                : once(new Expr.Binary(BinOp.PTRDIFF, lw.rvalue(last), to, lw.model().ptrdiffT(), elem.size()), where);
        Expr v = lw.rvalue(value);
        Expr fillByte = elem.size() == 1 && !(elem instanceof Type.Float) ? lw.convert(v, Type.INT)
                : v instanceof Expr.IntConst k && k.value() == 0 ? new Expr.IntConst(0, Type.INT) : new Expr.Opaque("filled value", Type.INT);
        lw.emit(new Stmt.Call(null, FILL, null, List.of(to, fillByte, bytes(n, elem)), where));
        Type rt = lw.typeOf(c);
        return rt instanceof Type.Void ? new Expr.IntConst(0, Type.VOID) : lw.convert(lw.pointerAdd(to, n, elem), rt);
    }

    /** n elements' bytes as a size_t. */
    private Expr bytes(Expr n, Type elem) {
        Type size = lw.model().sizeT();
        Expr count = lw.convert(n, size);
        return elem.size() == 1 ? count : new Expr.Binary(BinOp.MUL, count, new Expr.IntConst(elem.size(), size), size, 1);
    }

    /** A value evaluated once: held in a temporary, read back where it is used again. */
    private Expr once(Expr e, SourceLoc where) {
        Variable t = lw.temp(e.type());
        lw.emit(new Stmt.Assign(new Lvalue.Var(t, where), e, where));
        return new Expr.Load(new Lvalue.Var(t, where), t.type);
    }
}
