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
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPReferenceType;

import java.util.List;

/**
 * {@code std::string_view}, {@code std::wstring_view} and {@code std::span} as the prelude declares
 * them: a pointer into the characters or elements of their owner and a length. A view made from a
 * string or a vector points into that owner's block, so when the owner changes (its block is
 * replaced and freed) or dies (a temporary string at the end of its statement), a use through the
 * view is a use after free. A view of a C string has the string's length ({@code strlen}); of an
 * array, the array's.
 */
final class ViewLowering {
    static final String POINTER = SmartPointerLowering.POINTER;
    static final String LENGTH = "__memsafe_length";

    private final Lowering lowering;

    ViewLowering(Lowering lowering) {
        this.lowering = lowering;
    }

    static boolean isView(IType t, boolean throughPointer) {
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof ITypedef td) t = td.getType();
            else if (t instanceof IQualifierType q) t = q.getType();
            else if (t instanceof ICPPReferenceType r) t = r.getType();
            else if (throughPointer && t instanceof IPointerType p) { t = p.getType(); throughPointer = false; }
            else if (t instanceof ICPPClassType c) return isView(c);
            else return false;
        }
        return false;
    }

    static boolean isView(ICPPClassType c) {
        try {
            String[] qn = c.getQualifiedName();
            return qn.length == 2 && "std".equals(qn[0]) && ("basic_string_view".equals(qn[1]) || "span".equals(qn[1]));
        } catch (DOMException | RuntimeException e) {
            return false;
        }
    }

    static boolean handles(IASTFieldReference fr) {
        try {
            return isView(fr.getFieldOwner().getExpressionType(), fr.isPointerDereference());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Lvalue field(Lvalue view, String name, SourceLoc where) {
        if (!(view.type() instanceof Type.Struct s) || s.field(name) == null) return null;
        Type.Field f = s.field(name);
        if (view instanceof Lvalue.Deref d) return new Lvalue.Deref(d.pointer(), d.byteOffset() + f.offset(), f.type(), where);
        return new Lvalue.Field(view, name, f.offset(), f.type(), where);
    }

    /** A view constructed at {@code object} from {@code args}. */
    void construct(Lvalue object, IASTInitializerClause[] args, SourceLoc where) {
        Lvalue pointer = field(object, POINTER, where), length = field(object, LENGTH, where);
        if (pointer == null || length == null) {
            lowering.classes.constructUnresolved(new Expr.AddressOf(object, new Type.Pointer(object.type())), args, where);
            return;
        }
        Type sizeT = lowering.model().sizeT();
        if (args.length == 0 || !(args[0] instanceof IASTExpression first)) {
            lowering.emit(new Stmt.Assign(pointer, new Expr.IntConst(0, pointer.type()), where));
            lowering.emit(new Stmt.Assign(length, new Expr.IntConst(0, sizeT), where));
            return;
        }
        IType from = first.getExpressionType();
        if (isView(from, false) && args.length == 1) {
            lowering.emit(new Stmt.Assign(object, lowering.rvalue(first), where));
            return;
        }
        Expr p;
        Expr n = args.length > 1 && args[1] instanceof IASTExpression count ? null : new Expr.Opaque("view length", sizeT);
        if (StringLowering.isString(from, false) || ContainerLowering.isContainer(from, false)) {
            // the owner's characters or elements: a temporary owner's are freed at the end of the statement
            p = ownerBlock(first, where);
        } else {
            p = lowering.rvalue(first);
            if (lowering.typeOf(first) instanceof Type.Array a && a.length() >= 0 && n != null) n = new Expr.IntConst(a.length(), sizeT);
            else if (n != null && args.length == 1 && Type.pointee(pointer.type()).size() > 0 && p.type() instanceof Type.Pointer) {
                // a C string: its length is what strlen says (a wide one: wcslen)
                Variable len = lowering.temp(sizeT);
                String strlen = Type.pointee(pointer.type()).size() == 1 ? "strlen" : "wcslen";
                lowering.emit(new Stmt.Call(new Lvalue.Var(len, where), strlen, null, List.of(p), where, java.util.Set.of(0), java.util.Map.of(0, (int) Type.pointee(pointer.type()).size())));
                n = new Expr.Load(new Lvalue.Var(len, where), sizeT);
            }
        }
        if (n == null) n = lowering.convert(lowering.rvalue((IASTExpression) args[1]), sizeT);
        for (int i = 2; i < args.length; i++) if (args[i] instanceof IASTExpression e) lowering.effect(e);
        lowering.emit(new Stmt.Assign(pointer, lowering.convert(p, pointer.type()), where));
        lowering.emit(new Stmt.Assign(length, n, where));
    }

    /** The block of a string or vector an expression names: for a temporary string, one freed at the end of the statement. */
    private Expr ownerBlock(IASTExpression owner, SourceLoc where) {
        if (StringLowering.isString(owner.getExpressionType(), false)) {
            Lvalue o = lowering.strings().objectOf(owner, where);
            Lvalue s = StringLowering.storage(o, where);
            return s == null ? new Expr.Opaque("characters", lowering.pointer(Type.VOID)) : new Expr.Load(s, s.type());
        }
        Lvalue o = lowering.lvalue(owner);
        Lvalue s = ContainerLowering.storageOf(o, where);
        return s == null ? new Expr.Opaque("elements", lowering.pointer(Type.VOID)) : new Expr.Load(s, s.type());
    }

    /** A member call on a view. */
    Expr call(IASTFunctionCallExpression c, IASTFieldReference fr, SourceLoc where) {
        String name = fr.getFieldName().getLastName().toString();
        IASTInitializerClause[] args = c.getArguments();
        Type result = lowering.typeOf(c);
        IASTExpression owner = fr.getFieldOwner();
        Lvalue view = fr.isPointerDereference() ? new Lvalue.Deref(lowering.rvalue(owner), 0, Type.pointee(lowering.typeOf(owner)), where)
                : lowering.lvalue(owner);
        Lvalue pointer = field(view, POINTER, where), length = field(view, LENGTH, where);
        Expr[] a = new Expr[args.length];
        for (int i = 0; i < args.length; i++) a[i] = args[i] instanceof IASTExpression e ? lowering.rvalue(e) : null;
        if (pointer == null || length == null) return result instanceof Type.Void ? new Expr.IntConst(0, Type.VOID) : new Expr.Opaque("view " + name, result);
        Type sizeT = lowering.model().sizeT();
        Expr p = new Expr.Load(pointer, pointer.type()), n = new Expr.Load(length, sizeT);
        long scale = Math.max(1, Type.pointee(pointer.type()).size());
        switch (name) {
            case "data", "begin", "cbegin" -> { return lowering.convert(p, result); }
            case "end", "cend" -> { return lowering.convert(new Expr.Binary(Expr.BinOp.ADD, p, n, pointer.type(), scale), result); }
            case "size", "length" -> { return lowering.convert(n, result); }
            case "empty" -> { return new Expr.Binary(Expr.BinOp.EQ, n, new Expr.IntConst(0, sizeT), Type.INT, 1); }
            case "operator[]", "at" -> {
                Expr i = a.length > 0 && a[0] != null ? a[0] : new Expr.Opaque("index", sizeT);
                return new Expr.Binary(Expr.BinOp.ADD, p, i, pointer.type(), scale);
            }
            case "front" -> { return p; }
            case "back" -> {
                return new Expr.Binary(Expr.BinOp.ADD, p, new Expr.Binary(Expr.BinOp.SUB, n, new Expr.IntConst(1, sizeT), sizeT, 1), pointer.type(), scale);
            }
            case "remove_prefix" -> {
                if (a.length > 0 && a[0] != null) {
                    Variable k = lowering.temp(sizeT);
                    lowering.emit(new Stmt.Assign(new Lvalue.Var(k, where), lowering.convert(a[0], sizeT), where));
                    Expr kk = new Expr.Load(new Lvalue.Var(k, where), sizeT);
                    lowering.emit(new Stmt.Assign(pointer, new Expr.Binary(Expr.BinOp.ADD, p, kk, pointer.type(), scale), where));
                    lowering.emit(new Stmt.Assign(length, new Expr.Binary(Expr.BinOp.SUB, n, kk, sizeT, 1), where));
                }
                return new Expr.IntConst(0, Type.VOID);
            }
            case "remove_suffix" -> {
                if (a.length > 0 && a[0] != null) lowering.emit(new Stmt.Assign(length, new Expr.Binary(Expr.BinOp.SUB, n, lowering.convert(a[0], sizeT), sizeT, 1), where));
                return new Expr.IntConst(0, Type.VOID);
            }
            case "substr", "subspan", "first", "last" -> {
                // a view of part of the same owner: its start moves; its length is not followed
                Variable t = lowering.temp(view.type());
                lowering.emit(new Stmt.Declare(t, where));
                Lvalue tp = field(new Lvalue.Var(t, where), POINTER, where), tn = field(new Lvalue.Var(t, where), LENGTH, where);
                Expr start = "first".equals(name) || a.length == 0 || a[0] == null ? p
                        : "last".equals(name) ? new Expr.Binary(Expr.BinOp.ADD, p, new Expr.Binary(Expr.BinOp.SUB, n, lowering.convert(a[0], sizeT), sizeT, 1), pointer.type(), scale)
                        : new Expr.Binary(Expr.BinOp.ADD, p, a[0], pointer.type(), scale);
                lowering.emit(new Stmt.Assign(tp, start, where));
                lowering.emit(new Stmt.Assign(tn, new Expr.Opaque("view length", sizeT), where));
                return new Expr.Load(new Lvalue.Var(t, where), t.type);
            }
            default -> { return result instanceof Type.Void ? new Expr.IntConst(0, Type.VOID) : new Expr.Opaque("view " + name, result); }
        }
    }

    /** {@code v[i]}: the element at index i of the owner's block. */
    Lvalue subscript(IASTExpression view, IASTExpression index, Type elementType, SourceLoc where) {
        Lvalue v = lowering.lvalue(view);
        Lvalue pointer = field(v, POINTER, where);
        Expr i = lowering.rvalue(index);
        if (pointer == null) return new Lvalue.Deref(new Expr.Opaque("view element", lowering.pointer(elementType)), 0, elementType, where);
        long scale = Math.max(1, Type.pointee(pointer.type()).size());
        return new Lvalue.Deref(new Expr.Binary(Expr.BinOp.ADD, new Expr.Load(pointer, pointer.type()), i, pointer.type(), scale), 0, elementType, where);
    }
}
