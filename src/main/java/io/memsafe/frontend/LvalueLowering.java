package io.memsafe.frontend;

import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.eclipse.cdt.core.dom.ast.*;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPFunction;

/**
 * The storage an expression designates: a variable (through a reference, the referent), an element
 * (of an array, of a container, string, view or owned array the library models say where), a member
 * (through a pointer, an object, a smart pointer, a reference member), a dereference, or a temporary
 * holding an rvalue used where memory is designated.
 */
final class LvalueLowering {
    private final Lowering l;

    LvalueLowering(Lowering l) { this.l = l; }

    Lvalue lower(IASTExpression e) {
        e = Lowering.unparen(e);
        SourceLoc where = Lowering.loc(e);
        switch (e) {
            case IASTIdExpression id -> {
                IBinding b = id.getName().resolveBinding();
                if (b instanceof IField field && !field.isStatic() && l.thisVar != null) return l.member(field, where);
                if (b instanceof IVariable v) {
                    Variable var = l.vars.get(v);
                    if (var == null) {
                        // a variable declared somewhere we did not lower (e.g. a header's extern): a global
                        var = l.globalVariable(v, where, false);
                    }
                    if (l.references.contains(var)) return new Lvalue.Deref(new Expr.Load(new Lvalue.Var(var, where), var.type), 0, Type.pointee(var.type), where);
                    return new Lvalue.Var(var, where);
                }
                return new Lvalue.Deref(new Expr.Opaque("unresolved " + id.getName(), l.pointer(Type.UNKNOWN)), 0, l.typeOf(e), where);
            }
            case IASTArraySubscriptExpression a -> {
                IASTExpression arr = a.getArrayExpression();
                if (ContainerLowering.isContainer(arr.getExpressionType(), false)) {
                    return l.containers.subscript(arr, (IASTExpression) a.getArgument(), l.typeOf(a), where);
                }
                if (ContainerLowering.isArray(arr.getExpressionType())) {
                    return l.containers.arraySubscript(arr, (IASTExpression) a.getArgument(), l.typeOf(a), where);
                }
                if (StringLowering.isString(arr.getExpressionType(), false)) {
                    return l.strings.subscript(arr, (IASTExpression) a.getArgument(), l.typeOf(a), where);
                }
                if (ViewLowering.isView(arr.getExpressionType(), false)) {
                    return l.views.subscript(arr, (IASTExpression) a.getArgument(), l.typeOf(a), where);
                }
                if (SmartPointerLowering.smartClass(arr.getExpressionType()) != null && l.smart.target(arr, where) instanceof Expr owned) {
                    // p[i] of a unique_ptr<T[]>: an element of the array it owns
                    Type elem = l.typeOf(a);
                    return new Lvalue.Deref(l.pointerAdd(owned, l.rvalue((IASTExpression) a.getArgument()), elem), 0, elem, where);
                }
                Expr idx = l.rvalue((IASTExpression) a.getArgument());
                Type arrType = l.typeOf(arr);
                Type elem = l.typeOf(a);
                if (arrType instanceof Type.Array && isLvalueExpr(arr)) return new Lvalue.Index(l.lvalue(arr), idx, elem, where);
                Expr base = l.rvalue(arr);
                if (!(base.type() instanceof Type.Pointer) && idx.type() instanceof Type.Pointer) { // i[a]
                    Expr t = base; base = idx; idx = t;
                }
                return new Lvalue.Deref(l.pointerAdd(base, idx, elem), 0, elem, where);
            }
            case IASTFieldReference f -> {
                Type ownerType = l.typeOf(f.getFieldOwner());
                if (f.isPointerDereference() && SmartPointerLowering.smartClass(f.getFieldOwner().getExpressionType()) != null
                        && l.smart.target(f.getFieldOwner(), where) instanceof Expr owned) {
                    // "p->m" through a l.smart pointer: the member of the object it owns
                    Type pointee = Type.pointee(owned.type());
                    String name = f.getFieldName().toString();
                    long off = pointee instanceof Type.Struct s && s.field(name) != null ? s.field(name).offset() : 0;
                    return new Lvalue.Deref(owned, off, l.typeOf(f), where);
                }
                if (f.isPointerDereference() && !(ownerType instanceof Type.Pointer || ownerType instanceof Type.Array)) {
                    // "o->m" on an object, not a pointer: its operator-> (a l.smart pointer, an iterator) or a
                    // misparse of unresolved names ("auto e = ns::make<T>(x)" read as comparisons) decides
                    // where m lies, and the analysis does not know that
                    if (!(Lowering.unparen(f.getFieldOwner()) instanceof IASTIdExpression)) l.effect(f.getFieldOwner());
                    Type ft = l.typeOf(f);
                    return new Lvalue.Deref(new Expr.Opaque("operator->", new Type.Pointer(ft)), 0, ft, where);
                }
                if (f.isPointerDereference()) ownerType = Type.pointee(ownerType);
                long off = 0;
                String name = f.getFieldName().toString();
                if (ownerType instanceof Type.Struct s && s.field(name) != null) off = s.field(name).offset();
                else if (Lowering.layoutUnknown(ownerType)) off = Lowering.unknownLayoutSlot(name);
                Type ft = l.typeOf(f);
                if (f.getFieldName().resolveBinding() instanceof IField fld && References.isReference(fld.getType())) {
                    // a reference member: the referent whose address the member holds
                    Type slotType = l.pointer(ft);
                    Lvalue slot;
                    if (f.isPointerDereference()) slot = new Lvalue.Deref(l.rvalue(f.getFieldOwner()), off, slotType, where);
                    else {
                        Lvalue base = l.lvalue(f.getFieldOwner());
                        slot = base instanceof Lvalue.Deref d ? new Lvalue.Deref(d.pointer(), d.byteOffset() + off, slotType, where)
                                : new Lvalue.Field(base, name, off, slotType, where);
                    }
                    return new Lvalue.Deref(new Expr.Load(slot, slotType), 0, ft, where);
                }
                if (f.isPointerDereference()) return new Lvalue.Deref(l.rvalue(f.getFieldOwner()), off, ft, where);
                Lvalue base = l.lvalue(f.getFieldOwner());
                if (base instanceof Lvalue.Deref d) return new Lvalue.Deref(d.pointer(), d.byteOffset() + off, ft, where);
                return new Lvalue.Field(base, name, off, ft, where);
            }
            case IASTFunctionCallExpression c when References.returnsReference(c) -> {
                return new Lvalue.Deref(l.calls.call(c, where), 0, l.typeOf(c), where);
            }
            case IASTBinaryExpression b when OperatorLowering.userOperator(b) instanceof ICPPFunction f
                    && References.isReference(f.getType().getReturnType()) -> {
                return l.operators.operatorLvalue(b, f, where);
            }
            case IASTUnaryExpression u when u.getOperator() == IASTUnaryExpression.op_star -> {
                Expr p = SmartPointerLowering.smartClass(u.getOperand().getExpressionType()) != null
                        && l.smart.target(u.getOperand(), where) instanceof Expr owned ? owned : l.rvalue(u.getOperand());
                return new Lvalue.Deref(p, 0, l.typeOf(u), where);
            }
            default -> {
                // an rvalue used where memory is designated (function result struct, compound literal):
                // materialise it in a temporary
                Expr v = l.rvalue(e);
                Variable t = l.temp(v.type());
                l.emit(new Stmt.Assign(new Lvalue.Var(t, where), v, where));
                return new Lvalue.Var(t, where);
            }
        }
    }

    private static boolean isLvalueExpr(IASTExpression e) {
        e = Lowering.unparen(e);
        return e instanceof IASTIdExpression || e instanceof IASTArraySubscriptExpression || e instanceof IASTFieldReference
                || (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_star);
    }

}
