package io.memsafe.frontend;

import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.c.ICASTArrayDesignator;
import org.eclipse.cdt.core.dom.ast.c.ICASTDesignatedInitializer;
import org.eclipse.cdt.core.dom.ast.c.ICASTDesignator;
import org.eclipse.cdt.core.dom.ast.c.ICASTFieldDesignator;

import java.util.List;

/**
 * Initializer lists with designators — C99's {@code .write = dev_write}, {@code [IRP_MJ_CREATE] = on_create},
 * {@code { [1] = { [2] = 7 } }} — lowered as what they do: the whole object is zero-filled, then each
 * member or element named or reached is stored. Tables of callbacks are written this way in kernels
 * and libraries (a driver's {@code file_operations}), and the analysis learns from the stores which
 * functions a table hands to its caller.
 * <p>Only lists whose every store lands on a known member or element are lowered here; anything else
 * (brace elision into a sub-aggregate, a GCC range designator, a member of an anonymous struct, an
 * index that is no constant) leaves the list to the positional lowering of {@link Lowering}.
 */
final class InitializerLowering {
    private final Lowering low;

    InitializerLowering(Lowering low) { this.low = low; }

    /**
     * Does the list (or a list nested in it) name a member or an index? Only those are lowered here.
     * A list of positional lists (a table of records, {@code { {"HOME", NULL, 0}, ... }}) keeps the
     * positional lowering, which leaves its nested records unknown: made exact, such tables drive the
     * loops that walk them through many more contexts, and a table-driven loop in curl's tool then ran
     * out of callee analyses and reported a leak that is none (src/tool_findfile.c), so exact
     * positional tables wait for that to be fixed.
     */
    static boolean designated(IASTInitializerList list) {
        for (IASTInitializerClause c : list.getClauses()) {
            if (c instanceof ICASTDesignatedInitializer) return true;
            if (c instanceof IASTInitializerList nested && designated(nested)) return true;
        }
        return false;
    }

    /** Lowers {@code target = list} as a zero fill and stores, when every store can be placed; false (nothing emitted) otherwise. */
    boolean lower(Lvalue target, Type type, IASTInitializerList list, SourceLoc where) {
        if (!placeable(type, list)) return false;
        low.emit(new Stmt.InitAggregate(target, null, List.of(), where));
        store(target, type, list, where);
        return true;
    }

    /** The values of a list and of the lists nested in it, designated or not, in order. */
    void values(IASTInitializerList list, List<Expr> into) {
        for (IASTInitializerClause c : list.getClauses()) {
            IASTInitializerClause v = c instanceof ICASTDesignatedInitializer d ? d.getOperand() : c;
            if (v instanceof IASTInitializerList nested) values(nested, into);
            else if (v instanceof IASTExpression e) into.add(low.rvalue(e));
        }
    }

    /** Where a clause of a list goes: the member or element, its type, and the position after it. */
    private record Slot(Lvalue lv, Type type, int next) { }

    private Slot slot(Lvalue target, Type type, IASTInitializerClause c, int pos, SourceLoc where) {
        if (c instanceof ICASTDesignatedInitializer d) {
            Lvalue lv = target;
            Type t = type;
            int top = -1;
            for (ICASTDesignator des : d.getDesignators()) {
                int index;
                if (des instanceof ICASTFieldDesignator fd && t instanceof Type.Struct st) {
                    Type.Field f = st.field(fd.getName().toString());
                    if (f == null) return null;
                    index = st.fields().indexOf(f);
                    lv = new Lvalue.Field(lv, f.name(), f.offset(), f.type(), where);
                    t = f.type();
                } else if (des instanceof ICASTArrayDesignator ad && t instanceof Type.Array a) {
                    Long k = constant(ad.getSubscriptExpression());
                    if (k == null || k < 0 || k > Integer.MAX_VALUE || (a.length() > 0 && k >= a.length())) return null;
                    index = (int) (long) k;
                    lv = new Lvalue.Index(lv, new Expr.IntConst(k, Type.LONG), a.element(), where);
                    t = a.element();
                } else {
                    return null;
                }
                if (top < 0) top = index;
            }
            return new Slot(lv, t, top + 1);
        }
        if (type instanceof Type.Struct st) {
            if (pos >= st.fields().size() || (st.union() && pos > 0)) return null;
            Type.Field f = st.fields().get(pos);
            return new Slot(new Lvalue.Field(target, f.name(), f.offset(), f.type(), where), f.type(), pos + 1);
        }
        if (type instanceof Type.Array a && (a.length() <= 0 || pos < a.length())) {
            return new Slot(new Lvalue.Index(target, new Expr.IntConst(pos, Type.LONG), a.element(), where), a.element(), pos + 1);
        }
        return null;
    }

    private static IASTInitializerClause valueOf(IASTInitializerClause c) {
        return c instanceof ICASTDesignatedInitializer d ? d.getOperand() : c;
    }

    /** Can every clause of the list (and of the lists nested in it) be placed on a member or element? */
    private boolean placeable(Type type, IASTInitializerList list) {
        int pos = 0;
        for (IASTInitializerClause c : list.getClauses()) {
            Slot s = slot(null, type, c, pos, SourceLoc.NONE);
            if (s == null) return false;
            IASTInitializerClause v = valueOf(c);
            if (v instanceof IASTInitializerList nested) {
                if (!placeable(s.type(), nested)) return false;
            } else if (!(v instanceof IASTExpression e) || !fits(s.type(), e)) {
                return false;
            }
            pos = s.next();
        }
        return true;
    }

    /** A scalar slot takes any expression; an aggregate one a value of its own type, or a string for a char array. */
    private boolean fits(Type slot, IASTExpression e) {
        if (slot instanceof Type.Int || slot instanceof Type.Pointer || slot instanceof Type.Float) return true;
        if (slot instanceof Type.Array a) {
            return e instanceof IASTLiteralExpression lit && lit.getKind() == IASTLiteralExpression.lk_string_literal
                    && a.element() instanceof Type.Int;
        }
        return slot instanceof Type.Struct && low.typeOf(e) instanceof Type.Struct st && st.equals(slot);
    }

    private void store(Lvalue target, Type type, IASTInitializerList list, SourceLoc where) {
        int pos = 0;
        for (IASTInitializerClause c : list.getClauses()) {
            Slot s = slot(target, type, c, pos, where);
            IASTInitializerClause v = valueOf(c);
            if (v instanceof IASTInitializerList nested) {
                store(s.lv(), s.type(), nested, where);
            } else if (s.type() instanceof Type.Array a && v instanceof IASTLiteralExpression lit) {
                storeString(s.lv(), a, low.rvalue(lit), where);
            } else {
                low.emit(new Stmt.Assign(s.lv(), low.convert(low.rvalue((IASTExpression) v), s.type()), where));
            }
            pos = s.next();
        }
    }

    /** A string literal into a character array member: its characters and terminator, as far as the array holds them. */
    private void storeString(Lvalue array, Type.Array a, Expr lit, SourceLoc where) {
        if (!(lit instanceof Expr.StringLit sl)) return;
        long n = a.length() > 0 ? Math.min(a.length(), sl.text().length() + 1L) : sl.text().length() + 1L;
        for (int i = 0; i < n; i++) {
            long ch = i < sl.text().length() ? sl.text().charAt(i) : 0;
            low.emit(new Stmt.Assign(new Lvalue.Index(array, new Expr.IntConst(i, Type.LONG), a.element(), where),
                    new Expr.IntConst(ch, a.element()), where));
        }
    }

    private Long constant(IASTExpression e) {
        Expr v = low.rvalue(e);
        while (v instanceof Expr.Cast c) v = c.operand();
        return v instanceof Expr.IntConst k ? k.value() : null;
    }
}
