package io.memsafe.frontend;

import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.eclipse.cdt.core.dom.ast.DOMException;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IArrayType;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPFunction;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPReferenceType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPTemplateArgument;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPTemplateInstance;

import java.util.List;
import java.util.Set;

/**
 * {@code std::unique_ptr}, {@code std::shared_ptr} and {@code std::move} as the prelude declares them.
 * A smart pointer is an object whose one member is the pointer it owns. What the standard says of
 * ownership becomes IR the analysis already understands:
 * <ul>
 * <li>{@code get} reads the pointer; {@code release} reads it and stores null; {@code reset},
 * assignment and destruction of a {@code unique_ptr} with the default deleter {@code delete} the old
 * pointer ({@code delete[]} for {@code unique_ptr<T[]>}), so a raw pointer kept from {@code get}
 * is dangling after them (use after free), two unique_ptrs given one raw pointer delete it twice
 * (double free), and a block from {@code new[]} owned by {@code unique_ptr<T>} is a mismatch;</li>
 * <li>moving ({@code std::move(p)} into a constructor, an assignment, a by-value argument, a
 * container, a return) copies the pointer and stores null in the source: {@code *p} afterwards
 * dereferences null;</li>
 * <li>a {@code shared_ptr}'s count is not followed: it never deletes (reset and move still null it).</li>
 * </ul>
 * Ownership the lowering does not follow to its end (a smart pointer that is a member, an element, a
 * parameter or a function's result; a custom deleter; shared ownership) is handed to unknown code
 * when it is taken, so its block is never reported as a leak; only a local unique_ptr made from a raw
 * pointer keeps its block to itself, and a pointer released from it and dropped is a leak.
 * {@code std::move(v)} of a vector leaves {@code v} empty (see {@link ContainerLowering#makeEmpty}).
 */
final class SmartPointerLowering {
    /** The prelude's name of the owned pointer. */
    static final String POINTER = "__memsafe_pointer";

    enum Kind {
        /** unique_ptr&lt;T&gt; with the default deleter: deletes with {@code delete}. */
        UNIQUE,
        /** unique_ptr&lt;T[]&gt; with the default deleter: deletes with {@code delete[]}. */
        UNIQUE_ARRAY,
        /** a unique_ptr with a deleter of the program's, or a shared_ptr: never deletes here. */
        OTHER
    }

    private static final Set<String> MOVES = Set.of("move", "forward");

    private final Lowering lowering;

    SmartPointerLowering(Lowering lowering) {
        this.lowering = lowering;
    }

    /** The smart-pointer class a type names (through typedefs, qualifiers, references), or null. */
    static ICPPClassType smartClass(IType t) {
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof ITypedef td) t = td.getType();
            else if (t instanceof IQualifierType q) t = q.getType();
            else if (t instanceof ICPPReferenceType r) t = r.getType();
            else if (t instanceof ICPPClassType c) return isSmart(c) ? c : null;
            else return null;
        }
        return null;
    }

    static boolean isSmart(ICPPClassType c) {
        try {
            String[] qn = c.getQualifiedName();
            return qn.length == 2 && "std".equals(qn[0]) && ("unique_ptr".equals(qn[1]) || "shared_ptr".equals(qn[1]));
        } catch (DOMException | RuntimeException e) {
            return false;
        }
    }

    static Kind kind(ICPPClassType c) {
        try {
            if (!"unique_ptr".equals(c.getName())) return Kind.OTHER;
            if (!(c instanceof ICPPTemplateInstance ti)) return Kind.UNIQUE;
            ICPPTemplateArgument[] args = ti.getTemplateArguments();
            if (args.length >= 2) {
                ICPPClassType deleter = ClassLowering.classOf(args[1].getTypeValue());
                String[] qn = deleter == null ? null : deleter.getQualifiedName();
                if (qn == null || qn.length != 2 || !"std".equals(qn[0]) || !"default_delete".equals(qn[1])) return Kind.OTHER;
            }
            IType owned = args.length >= 1 ? args[0].getTypeValue() : null;
            while (owned instanceof ITypedef td) owned = td.getType();
            return owned instanceof IArrayType ? Kind.UNIQUE_ARRAY : Kind.UNIQUE;
        } catch (DOMException | RuntimeException e) {
            return Kind.OTHER;
        }
    }

    /** Whether a local object of this class is destroyed at its scope's end by this class. */
    static boolean deletes(ICPPClassType c) {
        return kind(c) != Kind.OTHER;
    }

    /** The owned pointer of a smart-pointer object; null when its type is not the prelude's. */
    static Lvalue pointer(Lvalue object, SourceLoc where) {
        if (!(object.type() instanceof Type.Struct s) || s.field(POINTER) == null) return null;
        Type.Field f = s.field(POINTER);
        if (object instanceof Lvalue.Deref d) return new Lvalue.Deref(d.pointer(), d.byteOffset() + f.offset(), f.type(), where);
        return new Lvalue.Field(object, POINTER, f.offset(), f.type(), where);
    }

    /** Whether {@code object} is a local variable of the function (its destruction is lowered). */
    private static boolean local(Lvalue object) {
        return object instanceof Lvalue.Var v && v.var().kind == Variable.Kind.LOCAL;
    }

    /** {@code std::move(x)} or {@code std::forward<T>(x)}: the operand x; else null. */
    static IASTExpression movedOperand(IASTExpression e) {
        e = Lowering.unparen(e);
        if (e instanceof IASTFunctionCallExpression c && c.getArguments().length == 1 && c.getArguments()[0] instanceof IASTExpression x
                && Lowering.unparen(c.getFunctionNameExpression()) instanceof IASTIdExpression id) {
            try {
                IBinding b = id.getName().resolveBinding();
                if (b instanceof IFunction f && MOVES.contains(f.getName()) && isStd(f)) return x;
            } catch (RuntimeException ex) {
                return null;
            }
        }
        return null;
    }

    private static boolean isStd(IFunction f) {
        try {
            String[] qn = f instanceof ICPPFunction cf ? cf.getQualifiedName() : new String[] {f.getName()};
            return qn.length == 2 && "std".equals(qn[0]);
        } catch (DOMException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a call is one of the free functions this class lowers: std::move, std::forward, make_unique, make_shared. */
    static boolean handlesFree(IASTFunctionCallExpression c) {
        if (!(Lowering.unparen(c.getFunctionNameExpression()) instanceof IASTIdExpression id)) return false;
        try {
            IBinding b = id.getName().resolveBinding();
            if (!(b instanceof IFunction f) || !isStd(f)) return false;
            String n = f.getName();
            return (MOVES.contains(n) && c.getArguments().length == 1) || "make_unique".equals(n) || "make_shared".equals(n);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether a member call is on a smart pointer. */
    static boolean handles(IASTFieldReference fr) {
        try {
            return fr.getFieldName().resolveBinding() instanceof ICPPMethod m && isSmart(m.getClassOwner());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** std::move / std::forward (an address when the result is a reference), make_unique, make_shared. */
    Expr freeCall(IASTFunctionCallExpression c, SourceLoc where) {
        IASTIdExpression id = (IASTIdExpression) Lowering.unparen(c.getFunctionNameExpression());
        String n = ((IFunction) id.getName().resolveBinding()).getName();
        IASTInitializerClause[] args = c.getArguments();
        if (MOVES.contains(n)) {
            IASTExpression x = (IASTExpression) args[0];
            return References.returnsReference(c) ? lowering.addressOf(x) : lowering.rvalue(x);
        }
        // make_unique<T>(args) / make_shared<T>(args): a new T (new T[n] for T[]) owned by a temporary
        Type result = lowering.typeOf(c);
        Variable t = lowering.temp(result);
        lowering.emit(new Stmt.Declare(t, where));
        Lvalue field = pointer(new Lvalue.Var(t, where), where);
        ICPPClassType cls = smartClass(c.getExpressionType());
        if (field == null || cls == null) {
            for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) lowering.effect(e);
            return new Expr.Opaque(n, result);
        }
        Type elem = Type.pointee(field.type());
        boolean array = kind(cls) == Kind.UNIQUE_ARRAY;
        Expr size;
        if (array && args.length == 1 && args[0] instanceof IASTExpression count) {
            size = new Expr.Binary(Expr.BinOp.MUL, lowering.convert(lowering.rvalue(count), lowering.model().sizeT()),
                    new Expr.IntConst(Math.max(1, elem.size()), lowering.model().sizeT()), lowering.model().sizeT(), 1);
        } else {
            size = elem.size() > 0 && !array ? new Expr.IntConst(elem.size(), lowering.model().sizeT()) : new Expr.Opaque("size", lowering.model().sizeT());
        }
        lowering.statements().mayThrow(where);
        Variable block = lowering.temp(field.type());
        lowering.emit(new Stmt.Allocate(new Lvalue.Var(block, where), size, array ? "new[]" : "new", where));
        Expr object = new Expr.Load(new Lvalue.Var(block, where), block.type);
        Lvalue target = new Lvalue.Deref(object, 0, elem, where);
        if (!array) {
            boolean scalar = elem instanceof Type.Int || elem instanceof Type.Pointer || elem instanceof Type.Float;
            if (scalar && args.length == 1 && args[0] instanceof IASTExpression v) {
                lowering.emit(new Stmt.Assign(target, lowering.convert(lowering.rvalue(v), elem), where));
            } else if (scalar && args.length == 0) {
                lowering.emit(new Stmt.Assign(target, new Expr.IntConst(0, elem), where));
            } else {
                // an object made by a constructor this lowering does not pick: code the analysis does not see
                // receives the block and the arguments
                lowering.classes.constructUnresolved(object, args, where);
            }
        }
        lowering.emit(new Stmt.Assign(field, object, where));
        escape(object, where);
        return new Expr.Load(new Lvalue.Var(t, where), result);
    }

    /** A smart pointer constructed at {@code objectAddress} from {@code args}. */
    void construct(Expr objectAddress, ICPPClassType c, IASTInitializerClause[] args, SourceLoc where) {
        Lvalue object = objectAddress instanceof Expr.AddressOf a ? a.lv() : new Lvalue.Deref(objectAddress, 0, Type.pointee(objectAddress.type()), where);
        Lvalue field = pointer(object, where);
        if (field == null) {
            lowering.classes.constructUnresolved(objectAddress, args, where);
            return;
        }
        if (args.length == 0 || !(args[0] instanceof IASTExpression first)) {
            lowering.emit(new Stmt.Assign(field, new Expr.IntConst(0, field.type()), where));
            return;
        }
        for (int i = 1; i < args.length; i++) if (args[i] instanceof IASTExpression e) lowering.effect(e);
        Expr value = owned(first, kind(c) == Kind.UNIQUE || kind(c) == Kind.UNIQUE_ARRAY, where);
        boolean fromRaw = smartClass(first.getExpressionType()) == null;
        lowering.emit(new Stmt.Assign(field, lowering.convert(value, field.type()), where));
        if (!(fromRaw && local(object) && kind(c) != Kind.OTHER && args.length == 1)) escape(new Expr.Load(field, field.type()), where);
    }

    /**
     * The pointer an expression hands to a smart pointer: a raw pointer's value; a smart pointer's
     * owned pointer, nulled in the source when it is moved from ({@code std::move(p)}, or any
     * unique_ptr lvalue when {@code unique}); a temporary's pointer.
     */
    private Expr owned(IASTExpression e, boolean unique, SourceLoc where) {
        if (nullConstant(e)) return new Expr.IntConst(0, lowering.pointer(Type.VOID));
        if (smartClass(e.getExpressionType()) == null) return lowering.rvalue(e);
        IASTExpression moved = movedOperand(e);
        IASTExpression source = moved != null ? moved : e;
        Lvalue from = lowering.lvalue(source);
        Lvalue fromField = pointer(from, where);
        if (fromField == null) return new Expr.Opaque("smart pointer", lowering.pointer(Type.VOID));
        Variable v = lowering.temp(fromField.type());
        lowering.emit(new Stmt.Assign(new Lvalue.Var(v, where), new Expr.Load(fromField, fromField.type()), where));
        ICPPClassType fromClass = smartClass(source.getExpressionType());
        if (moved != null || (unique && fromClass != null && kind(fromClass) != Kind.OTHER && "unique_ptr".equals(fromClass.getName()))) {
            lowering.emit(new Stmt.Assign(fromField, new Expr.IntConst(0, fromField.type()), where));
        }
        return new Expr.Load(new Lvalue.Var(v, where), v.type);
    }

    private static boolean nullConstant(IASTExpression e) {
        e = Lowering.unparen(e);
        return e instanceof IASTLiteralExpression l && (l.getKind() == IASTLiteralExpression.lk_nullptr
                || (l.getKind() == IASTLiteralExpression.lk_integer_constant && "0".equals(new String(l.getValue()))));
    }

    /**
     * Hands a pointer to code the analysis does not see, which keeps it: its block is never a leak. The
     * call gets the address of a slot holding the pointer, so the block's contents stay as they are.
     */
    private void escape(Expr p, SourceLoc where) {
        Variable slot = lowering.temp(p.type());
        lowering.emit(new Stmt.Assign(new Lvalue.Var(slot, where), p, where));
        // a modelling step, not a call of the program's: no exception edge after it
        Stmt.Call keep = new Stmt.Call(null, null, new Expr.Opaque("owner the analysis does not follow", lowering.pointer(Type.VOID)),
                List.of(new Expr.AddressOf(new Lvalue.Var(slot, where), lowering.pointer(p.type()))), where);
        lowering.statements().withoutExceptionEdges(() -> lowering.emit(keep));
    }

    /** Destroys the smart pointer at {@code objectAddress}: a unique_ptr deletes what it owns. */
    void destroy(Expr objectAddress, ICPPClassType c, SourceLoc where) {
        Kind k = kind(c);
        if (k == Kind.OTHER) return;
        Lvalue object = new Lvalue.Deref(objectAddress, 0, Type.pointee(objectAddress.type()), where);
        Lvalue field = pointer(object, where);
        if (field == null) return;
        delete(new Expr.Load(field, field.type()), k, where);
    }

    private void delete(Expr p, Kind k, SourceLoc where) {
        Variable old = lowering.temp(p.type());
        lowering.emit(new Stmt.Assign(new Lvalue.Var(old, where), p, where));
        Expr o = new Expr.Load(new Lvalue.Var(old, where), old.type);
        lowering.statements().ifNotNull(o, () -> lowering.emit(new Stmt.Free(o, k == Kind.UNIQUE_ARRAY ? "new[]" : "new", where)), where);
    }

    /** The object a member call or an operator applies to. */
    private Lvalue object(IASTFieldReference fr, SourceLoc where) {
        IASTExpression owner = fr.getFieldOwner();
        return fr.isPointerDereference()
                ? new Lvalue.Deref(lowering.rvalue(owner), 0, Type.pointee(lowering.typeOf(owner)), where)
                : lowering.lvalue(owner);
    }

    /** A member call on a smart pointer. */
    Expr call(IASTFunctionCallExpression c, IASTFieldReference fr, SourceLoc where) {
        String name = fr.getFieldName().getLastName().toString();
        ICPPClassType cls = ((ICPPMethod) fr.getFieldName().resolveBinding()).getClassOwner();
        Lvalue object = object(fr, where);
        Lvalue field = pointer(object, where);
        IASTInitializerClause[] args = c.getArguments();
        Type result = lowering.typeOf(c);
        if (field == null) {
            for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) lowering.effect(e);
            return result instanceof Type.Void ? new Expr.IntConst(0, Type.VOID) : new Expr.Opaque("smart pointer " + name, result);
        }
        Expr current = new Expr.Load(field, field.type());
        switch (name) {
            case "get", "operator->" -> { return current; }
            case "operator*" -> { return current; } // a reference: the caller dereferences it
            case "operator bool" -> { return new Expr.Binary(Expr.BinOp.NE, current, new Expr.IntConst(0, field.type()), Type.INT, 1); }
            case "release" -> {
                Variable t = lowering.temp(field.type());
                lowering.emit(new Stmt.Assign(new Lvalue.Var(t, where), current, where));
                lowering.emit(new Stmt.Assign(field, new Expr.IntConst(0, field.type()), where));
                return new Expr.Load(new Lvalue.Var(t, where), t.type);
            }
            case "reset" -> {
                Expr next = args.length > 0 && args[0] instanceof IASTExpression e ? owned(e, true, where) : new Expr.IntConst(0, field.type());
                replace(object, field, cls, next, args.length > 0 && args[0] instanceof IASTExpression e && !nullConstant(e) && !local(object), where);
                return new Expr.IntConst(0, Type.VOID);
            }
            case "swap" -> {
                if (args.length == 1 && args[0] instanceof IASTExpression e && pointer(lowering.lvalue(e), where) instanceof Lvalue other) {
                    Variable t = lowering.temp(field.type());
                    lowering.emit(new Stmt.Assign(new Lvalue.Var(t, where), current, where));
                    lowering.emit(new Stmt.Assign(field, new Expr.Load(other, other.type()), where));
                    lowering.emit(new Stmt.Assign(other, new Expr.Load(new Lvalue.Var(t, where), t.type), where));
                    escape(new Expr.Load(field, field.type()), where);
                    escape(new Expr.Load(other, other.type()), where);
                }
                return new Expr.IntConst(0, Type.VOID);
            }
            default -> {
                for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) lowering.effect(e);
                return result instanceof Type.Void ? new Expr.IntConst(0, Type.VOID) : new Expr.Opaque("smart pointer " + name, result);
            }
        }
    }

    /** The smart pointer at {@code field} takes {@code next}; a unique_ptr deletes what it held. */
    private void replace(Lvalue object, Lvalue field, ICPPClassType cls, Expr next, boolean escapeNext, SourceLoc where) {
        Variable old = lowering.temp(field.type());
        lowering.emit(new Stmt.Assign(new Lvalue.Var(old, where), new Expr.Load(field, field.type()), where));
        lowering.emit(new Stmt.Assign(field, lowering.convert(next, field.type()), where));
        if (escapeNext) escape(new Expr.Load(field, field.type()), where);
        Kind k = kind(cls);
        if (k != Kind.OTHER) delete(new Expr.Load(new Lvalue.Var(old, where), old.type), k, where);
    }

    /** {@code p = q}, {@code p = std::move(q)}, {@code p = nullptr}, {@code p = make_unique<T>()}. */
    Expr assign(IASTExpression target, IASTExpression value, SourceLoc where) {
        ICPPClassType cls = smartClass(target.getExpressionType());
        Lvalue object = lowering.lvalue(target);
        Lvalue field = pointer(object, where);
        if (field == null || cls == null) {
            lowering.effect(value);
            return new Expr.IntConst(0, Type.VOID);
        }
        boolean fromSmart = smartClass(value.getExpressionType()) != null;
        Expr next = owned(value, true, where);
        replace(object, field, cls, next, fromSmart || (!nullConstant(value) && !local(object)), where);
        return new Expr.IntConst(0, Type.VOID);
    }

    /** What {@code *p}, {@code p->m} and {@code p[i]} go through: the owned pointer of smart pointer {@code e}. */
    Expr target(IASTExpression e, SourceLoc where) {
        Lvalue field = pointer(lowering.lvalue(e), where);
        return field == null ? null : new Expr.Load(field, field.type());
    }

    /**
     * A smart pointer or container handed over by value ({@code f(std::move(p))}, a container's
     * element, a copy): its value, after which a moved-from unique_ptr is null, a moved-from vector
     * empty; the pointer a smart pointer carries is kept by code the analysis does not follow.
     */
    Expr handedOver(IASTExpression e, SourceLoc where) {
        IASTExpression moved = movedOperand(e);
        if (smartClass(e.getExpressionType()) != null) {
            IASTExpression source = moved != null ? moved : e;
            Lvalue from = lowering.lvalue(source);
            Lvalue field = pointer(from, where);
            Variable t = lowering.temp(from.type());
            lowering.emit(new Stmt.Assign(new Lvalue.Var(t, where), new Expr.Load(from, from.type()), where));
            if (field != null) {
                escape(new Expr.Load(field, field.type()), where);
                if (moved != null) {
                    lowering.emit(new Stmt.Assign(field, new Expr.IntConst(0, field.type()), where));
                }
            }
            return new Expr.Load(new Lvalue.Var(t, where), t.type);
        }
        IASTExpression named = moved != null ? moved : e;
        boolean lvalue = moved != null || !StringLowering.isTemporary(e);
        if (lvalue && ContainerLowering.isContainer(named.getExpressionType(), false)) return lowering.containers().byValue(e, where);
        if (lvalue && StringLowering.isString(named.getExpressionType(), false)) return lowering.strings().byValue(e, where);
        return lowering.rvalue(e);
    }

    /**
     * {@code return p;} or {@code return std::move(p);} of a local smart pointer: the result takes
     * the pointer and the local, destroyed next, holds null.
     */
    void returned(IASTExpression e, SourceLoc where) {
        IASTExpression moved = movedOperand(e);
        IASTExpression source = Lowering.unparen(moved != null ? moved : e);
        if (smartClass(source.getExpressionType()) == null || !(source instanceof IASTIdExpression)) return;
        Lvalue from = lowering.lvalue(source);
        Lvalue field = pointer(from, where);
        if (field == null || !local(from)) return;
        escape(new Expr.Load(field, field.type()), where);
        lowering.emit(new Stmt.Assign(field, new Expr.IntConst(0, field.type()), where));
    }
}
