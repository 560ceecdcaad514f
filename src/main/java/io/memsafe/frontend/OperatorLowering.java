package io.memsafe.frontend;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Program;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.DataModel;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.eclipse.cdt.core.dom.ast.*;
import org.eclipse.cdt.core.dom.ast.cpp.*;
import org.eclipse.cdt.internal.core.dom.parser.c.CVisitor;
import org.eclipse.cdt.internal.core.dom.parser.cpp.semantics.CPPVisitor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lowering of C and C++ operators: unary ones ({@code -x}, {@code !x}, {@code *p}, {@code &x},
 * {@code sizeof}, increments), binary ones (arithmetic, comparisons, logical operators with their
 * short circuit, assignments and compound assignments, the comma) and the arithmetic they share.
 */
final class OperatorLowering {
    private final Lowering lw;

    OperatorLowering(Lowering lw) { this.lw = lw; }

    Expr unary(IASTUnaryExpression u, SourceLoc where) {
        int op = u.getOperator();
        switch (op) {
            case IASTUnaryExpression.op_bracketedPrimary: return lw.rvalue(u.getOperand());
            case IASTUnaryExpression.op_plus: return lw.rvalue(u.getOperand());
            case IASTUnaryExpression.op_minus: return new Expr.Unary(Expr.UnOp.NEG, lw.rvalue(u.getOperand()), lw.typeOf(u));
            case IASTUnaryExpression.op_not: return new Expr.Unary(Expr.UnOp.NOT, lw.truth(u.getOperand()), Type.INT);
            case IASTUnaryExpression.op_tilde: return new Expr.Unary(Expr.UnOp.BITNOT, lw.rvalue(u.getOperand()), lw.typeOf(u));
            case IASTUnaryExpression.op_star: return lw.load(lw.lvalue(u), where);
            case IASTUnaryExpression.op_amper: {
                IASTExpression operand = lw.unparen(u.getOperand());
                if (operand instanceof IASTIdExpression id && id.getName().resolveBinding() instanceof IFunction f) {
                    return new Expr.FunctionRef(LinkNames.of(f), lw.types.lower(f.getType()));
                }
                Lvalue lv = lw.lvalue(operand);
                Long constant = lw.constantAddress(lv);
                // &((T *)0)->f (offsetof, FIELD_OFFSET): an address computed from a constant, nothing is read
                if (constant != null) return new Expr.IntConst(constant, lw.model().sizeT());
                return new Expr.AddressOf(lv, lw.typeOf(u));
            }
            case IASTUnaryExpression.op_sizeof: {
                IASTExpression operand = u.getOperand();
                long s = lw.typeOf(operand).size();
                // sizeof of an array parameter is the pointer's size: CDT gives the declared type
                if (lw.unparen(operand) instanceof IASTIdExpression id && id.getName().resolveBinding() instanceof IParameter) {
                    Variable v = lw.vars.get(id.getName().resolveBinding());
                    if (v != null && !lw.references.contains(v)) s = v.type.size();
                }
                if (lw.unparen(operand) instanceof IASTIdExpression id && lw.vars.get(id.getName().resolveBinding()) instanceof Variable v && v.type.size() >= 0
                        && !lw.references.contains(v)) {
                    s = v.type.size();
                }
                // sizeof "literal" is the array's size, terminator included (CDT may type it as a pointer)
                if (lw.unparen(operand) instanceof IASTLiteralExpression lit && lit.getKind() == IASTLiteralExpression.lk_string_literal) {
                    StringLiterals.Decoded d = StringLiterals.parse(new String(lit.getValue()), lw.model().wcharSize);
                    s = (long) (d.text().length() + 1) * d.elementSize();
                }
                return s < 0 ? new Expr.Opaque("sizeof", lw.model().sizeT()) : new Expr.IntConst(s, lw.model().sizeT());
            }
            case IASTUnaryExpression.op_prefixIncr:
            case IASTUnaryExpression.op_prefixDecr: {
                Lvalue lv = increment(u, op == IASTUnaryExpression.op_prefixIncr);
                return new Expr.Load(lv, lv.type());
            }
            case IASTUnaryExpression.op_postFixIncr:
            case IASTUnaryExpression.op_postFixDecr: {
                Lvalue lv = lw.lvalue(u.getOperand());
                Variable old = lw.temp(lv.type());
                lw.emit(new Stmt.Assign(new Lvalue.Var(old, where), new Expr.Load(lv, lv.type()), where));
                lw.emit(new Stmt.Assign(lv, step(new Expr.Load(new Lvalue.Var(old, where), lv.type()), lv.type(),
                        op == IASTUnaryExpression.op_postFixIncr), where));
                return new Expr.Load(new Lvalue.Var(old, where), lv.type());
            }
            case IASTUnaryExpression.op_throw: {
                lw.statements.raise(u.getOperand() == null ? null : lw.rvalue(u.getOperand()), where);
                return new Expr.IntConst(0, Type.VOID);
            }
            default: return new Expr.Opaque("unary operator " + op, lw.typeOf(u));
        }
    }

    Lvalue increment(IASTUnaryExpression u, boolean up) {
        Lvalue lv = lw.lvalue(u.getOperand());
        SourceLoc where = lw.loc(u);
        lw.emit(new Stmt.Assign(lv, step(new Expr.Load(lv, lv.type()), lv.type(), up), where));
        return lv;
    }

    private Expr step(Expr v, Type t, boolean up) {
        Expr one = new Expr.IntConst(1, Type.INT);
        if (t instanceof Type.Pointer p) {
            long scale = p.pointee().size() > 0 ? p.pointee().size() : 1;
            return new Expr.Binary(up ? BinOp.ADD : BinOp.SUB, v, one, t, scale);
        }
        return new Expr.Binary(up ? BinOp.ADD : BinOp.SUB, v, one, t, 1);
    }

    Expr binary(IASTBinaryExpression b, SourceLoc where) {
        int op = b.getOperator();
        if (lw.misparsedTemplate(b)) {
            // "ns::make<T>(x)" with ns::make unknown reads as "(ns::make < T) > (x)": it is a call of code the
            // scan lacks, which receives x (a "new" there is owned by what it makes, not lost)
            List<IASTInitializerClause> leaves = new ArrayList<>();
            for (IASTExpression e = b; ; ) {
                IASTBinaryExpression c = (IASTBinaryExpression) e;
                IASTExpression right = lw.unparen(c.getOperand2());
                if (!lw.unresolvedName(right)) leaves.add(right);
                IASTExpression left = lw.unparen(c.getOperand1());
                if (left instanceof IASTBinaryExpression lb && lw.misparsedTemplate(lb)) { e = lb; continue; }
                if (!lw.unresolvedName(left)) leaves.add(left);
                break;
            }
            // only what a new-expression makes is handed over; the other operands are evaluated for their effects
            List<IASTInitializerClause> owned = new ArrayList<>();
            for (IASTInitializerClause leaf : leaves) {
                if (leaf instanceof ICPPASTNewExpression) owned.add(leaf);
                else lw.effect((IASTExpression) leaf);
            }
            if (!owned.isEmpty()) {
                Variable tmp = lw.temp(Type.INT);
                lw.emit(new Stmt.Declare(tmp, where));
                lw.classes.constructUnresolved(new Expr.AddressOf(new Lvalue.Var(tmp, where), new Type.Pointer(Type.INT)),
                        owned.toArray(new IASTInitializerClause[0]), where);
            }
            return new Expr.Opaque("call of an unresolved template", lw.typeOf(b));
        }
        if (StringLowering.isString(b.getOperand1().getExpressionType(), false)
                || (op != IASTBinaryExpression.op_assign && compoundOp(op) == null
                    && b.getInitOperand2() instanceof IASTExpression r2 && StringLowering.isString(r2.getExpressionType(), false))) {
            return lw.strings.binary(b, where);
        }
        if (op != IASTBinaryExpression.op_assign && (ViewLowering.isView(b.getOperand1().getExpressionType(), false)
                || (b.getInitOperand2() instanceof IASTExpression r3 && ViewLowering.isView(r3.getExpressionType(), false)))) {
            // comparisons of views: values the analysis does not know
            lw.effect(b.getOperand1());
            if (b.getInitOperand2() instanceof IASTExpression r4) lw.effect(r4);
            return new Expr.Opaque("view operator", lw.typeOf(b) instanceof Type.Unknown ? Type.INT : lw.typeOf(b));
        }
        if (op == IASTBinaryExpression.op_assign && SmartPointerLowering.smartClass(b.getOperand1().getExpressionType()) != null
                && b.getInitOperand2() instanceof IASTExpression value) {
            return lw.smart.assign(b.getOperand1(), value, where);
        }
        if (op == IASTBinaryExpression.op_assign && ContainerLowering.isContainer(b.getOperand1().getExpressionType(), false)
                && b.getInitOperand2() instanceof IASTExpression value) {
            Lvalue lv = lw.lvalue(b.getOperand1());
            lw.containers.assign(lv, value, where);
            return new Expr.Load(lv, lv.type());
        }
        if ((op == IASTBinaryExpression.op_equals || op == IASTBinaryExpression.op_notequals)
                && (SmartPointerLowering.smartClass(b.getOperand1().getExpressionType()) != null
                    || SmartPointerLowering.smartClass(b.getOperand2().getExpressionType()) != null)) {
            // p == nullptr, p != q: the owned pointers compared
            return arith(op == IASTBinaryExpression.op_equals ? BinOp.EQ : BinOp.NE, lw.truth(b.getOperand1()), lw.truth(b.getOperand2()), Type.INT);
        }
        if (userOperator(b) instanceof ICPPFunction f) return operatorCall(b, f, where);
        if (op == IASTBinaryExpression.op_assign) {
            Lvalue lv = lw.lvalue(b.getOperand1());
            Expr v = lw.convert(lw.rvalue((IASTExpression) b.getInitOperand2()), lv.type());
            lw.emit(new Stmt.Assign(lv, v, where));
            return new Expr.Load(lv, lv.type());
        }
        BinOp compound = compoundOp(op);
        if (compound != null) {
            Lvalue lv = lw.lvalue(b.getOperand1());
            Expr r = lw.rvalue(b.getOperand2());
            Expr v = arith(compound, new Expr.Load(lv, lv.type()), r, lv.type());
            lw.emit(new Stmt.Assign(lv, lw.convert(v, lv.type()), where));
            return new Expr.Load(lv, lv.type());
        }
        if (op == IASTBinaryExpression.op_logicalAnd || op == IASTBinaryExpression.op_logicalOr) {
            Variable t = lw.temp(Type.INT);
            BasicBlock yes = lw.fn.newBlock(), no = lw.fn.newBlock(), join = lw.fn.newBlock();
            lw.statements.condition(b, yes, no);
            yes.stmts.add(new Stmt.Assign(new Lvalue.Var(t, where), new Expr.IntConst(1, Type.INT), where));
            no.stmts.add(new Stmt.Assign(new Lvalue.Var(t, where), new Expr.IntConst(0, Type.INT), where));
            yes.to(join);
            no.to(join);
            lw.cur = join;
            return new Expr.Load(new Lvalue.Var(t, where), Type.INT);
        }
        BinOp bop = switch (op) {
            case IASTBinaryExpression.op_plus -> BinOp.ADD;
            case IASTBinaryExpression.op_minus -> BinOp.SUB;
            case IASTBinaryExpression.op_multiply -> BinOp.MUL;
            case IASTBinaryExpression.op_divide -> BinOp.DIV;
            case IASTBinaryExpression.op_modulo -> BinOp.MOD;
            case IASTBinaryExpression.op_shiftLeft -> BinOp.SHL;
            case IASTBinaryExpression.op_shiftRight -> BinOp.SHR;
            case IASTBinaryExpression.op_binaryAnd -> BinOp.AND;
            case IASTBinaryExpression.op_binaryOr -> BinOp.OR;
            case IASTBinaryExpression.op_binaryXor -> BinOp.XOR;
            case IASTBinaryExpression.op_lessThan -> BinOp.LT;
            case IASTBinaryExpression.op_lessEqual -> BinOp.LE;
            case IASTBinaryExpression.op_greaterThan -> BinOp.GT;
            case IASTBinaryExpression.op_greaterEqual -> BinOp.GE;
            case IASTBinaryExpression.op_equals -> BinOp.EQ;
            case IASTBinaryExpression.op_notequals -> BinOp.NE;
            default -> null;
        };
        if (bop == null) return new Expr.Opaque("binary operator " + op, lw.typeOf(b));
        Expr l = lw.rvalue(b.getOperand1());
        Expr r = lw.rvalue(b.getOperand2());
        return arith(bop, l, r, lw.typeOf(b));
    }

    /**
     * The operator function a binary expression calls, when the program (or the prelude) declares it:
     * not a built-in operator, nor one the compiler makes (a class's implicit assignment copies its
     * members, as for a struct). Null when CDT resolves none.
     */
    static ICPPFunction userOperator(IASTBinaryExpression b) {
        try {
            return b instanceof ICPPASTBinaryExpression cb && cb.getOverload() instanceof ICPPFunction f
                    && !(f instanceof ICPPMethod m && m.isImplicit()) ? f : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code a OP b} with an operator function: a call, with a member operator's object (a) as its
     * {@code this} and b its argument, or a non-member's two arguments (a reference parameter gets the
     * operand's address). Its value: what the call returns, or the object a returned reference
     * designates. A virtual operator is called statically (its class's own).
     */
    private Expr operatorCall(IASTBinaryExpression b, ICPPFunction f, SourceLoc where) {
        Expr result = operatorCallResult(b, f, where);
        return References.isReference(f.getType().getReturnType())
                ? lw.load(new Lvalue.Deref(result, 0, Type.pointee(result.type()), where), where) : result;
    }

    /** The object an operator returning a reference designates ({@code (r << a) << b} works on r). */
    Lvalue operatorLvalue(IASTBinaryExpression b, ICPPFunction f, SourceLoc where) {
        Expr address = operatorCallResult(b, f, where);
        return new Lvalue.Deref(address, 0, Type.pointee(address.type()), where);
    }

    /** The call of an operator function; its value (an address when it returns a reference). */
    private Expr operatorCallResult(IASTBinaryExpression b, ICPPFunction f, SourceLoc where) {
        IASTInitializerClause right = b.getInitOperand2();
        List<Expr> args = new ArrayList<>();
        IASTInitializerClause[] actuals;
        if (f instanceof ICPPMethod m && !m.isStatic()) {
            args.add(lw.addressOf(b.getOperand1()));
            actuals = new IASTInitializerClause[] {right};
        } else {
            actuals = new IASTInitializerClause[] {b.getOperand1(), right};
        }
        args.addAll(lw.arguments(f.getType(), actuals));
        Type rt = lw.typeOf(b);
        boolean reference = References.isReference(f.getType().getReturnType());
        if (reference) rt = lw.pointer(rt);
        if (rt instanceof Type.Void) {
            lw.emit(new Stmt.Call(null, LinkNames.of(f), null, args, where));
            return new Expr.IntConst(0, Type.VOID);
        }
        Variable t = lw.temp(rt);
        lw.emit(new Stmt.Call(new Lvalue.Var(t, where), LinkNames.of(f), null, args, where));
        return new Expr.Load(new Lvalue.Var(t, where), rt);
    }

    private Expr arith(BinOp op, Expr l, Expr r, Type resultType) {
        boolean lp = l.type() instanceof Type.Pointer, rp = r.type() instanceof Type.Pointer;
        if (op == BinOp.ADD && (lp ^ rp)) {
            Expr p = lp ? l : r, i = lp ? r : l;
            return lw.pointerAdd(p, i, ((Type.Pointer) p.type()).pointee());
        }
        if (op == BinOp.SUB && lp && !rp) {
            Type pointee = ((Type.Pointer) l.type()).pointee();
            return new Expr.Binary(BinOp.SUB, l, r, l.type(), pointee.size() > 0 ? pointee.size() : 1);
        }
        if (op == BinOp.SUB && lp) {
            Type pointee = ((Type.Pointer) l.type()).pointee();
            return new Expr.Binary(BinOp.PTRDIFF, l, r, lw.model().ptrdiffT(), pointee.size() > 0 ? pointee.size() : 1);
        }
        if (op.isComparison()) return new Expr.Binary(op, l, r, Type.INT, 1);
        return new Expr.Binary(op, l, r, resultType instanceof Type.Unknown ? l.type() : resultType, 1);
    }

    private static BinOp compoundOp(int op) {
        return switch (op) {
            case IASTBinaryExpression.op_plusAssign -> BinOp.ADD;
            case IASTBinaryExpression.op_minusAssign -> BinOp.SUB;
            case IASTBinaryExpression.op_multiplyAssign -> BinOp.MUL;
            case IASTBinaryExpression.op_divideAssign -> BinOp.DIV;
            case IASTBinaryExpression.op_moduloAssign -> BinOp.MOD;
            case IASTBinaryExpression.op_shiftLeftAssign -> BinOp.SHL;
            case IASTBinaryExpression.op_shiftRightAssign -> BinOp.SHR;
            case IASTBinaryExpression.op_binaryAndAssign -> BinOp.AND;
            case IASTBinaryExpression.op_binaryOrAssign -> BinOp.OR;
            case IASTBinaryExpression.op_binaryXorAssign -> BinOp.XOR;
            default -> null;
        };
    }

    /** An operand tested for truth or compared: a smart pointer's owned pointer, else its value. */
}
