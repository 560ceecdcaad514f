package io.memsafe.frontend;

import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IEnumerator;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTFunctionWithTryBlock;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPConstructor;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod;
import org.eclipse.cdt.internal.core.dom.parser.cpp.ICPPInternalBinding;

/**
 * Member functions whose whole body returns a member of the object ({@code return path_;},
 * {@code return exists_ == kExists;}, {@code return !dirty_;}): getters, which C++ code calls
 * everywhere. A call to one is lowered as the member read itself, in the caller, rather than as a call.
 * Why: the analysis runs a callee once per distinct calling context, and a getter's context is all
 * the memory its object reaches, which differs at nearly every call site: on ninja, getters were
 * analysed in hundreds of contexts each (a fifth of all callee analyses) to read one field. The read
 * in the caller has the same meaning (no other effect, nothing else read) and costs one statement.
 * Virtual members are not lowered so (the object decides which body runs); nor are bodies CDT finds
 * in another translation unit (the call then links to the definition as before).
 */
final class MemberAccessors {
    private MemberAccessors() { }

    /** The returned expression when {@code m} is such a getter whose definition is in {@code unit}'s AST; else null. */
    static IASTExpression returned(ICPPMethod m, IASTNode callSite) {
        try {
            if (m.isStatic() || m instanceof ICPPConstructor || m.isDestructor() || m.getParameters().length != 0
                    || ClassModel.isVirtualCall(m) || !(m instanceof ICPPInternalBinding ib)) return null;
            IASTNode def = ib.getDefinition();
            while (def != null && !(def instanceof ICPPASTFunctionDefinition)) def = def.getParent();
            if (!(def instanceof ICPPASTFunctionDefinition fd) || fd instanceof ICPPASTFunctionWithTryBlock
                    || fd.getTranslationUnit() != callSite.getTranslationUnit()) return null;
            if (!(fd.getBody() instanceof IASTCompoundStatement body)) return null;
            IASTStatement[] ss = body.getStatements();
            if (ss.length != 1 || !(ss[0] instanceof IASTReturnStatement rs) || !(rs.getReturnValue() instanceof IASTExpression e)) return null;
            return memberExpression(e) ? e : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A member read, or a comparison or negation of one with constants: reads nothing else, has no effect. */
    private static boolean memberExpression(IASTExpression e) {
        e = Lowering.unparen(e);
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_not) return memberRead(u.getOperand());
        if (e instanceof IASTBinaryExpression b && comparison(b.getOperator())) {
            return memberRead(b.getOperand1()) && constant(b.getOperand2()) || constant(b.getOperand1()) && memberRead(b.getOperand2());
        }
        return memberRead(e);
    }

    /** {@code field} or {@code this->field} of a non-static data member. */
    private static boolean memberRead(IASTExpression e) {
        e = Lowering.unparen(e);
        if (e instanceof IASTIdExpression id) return id.getName().resolveBinding() instanceof IField f && !f.isStatic();
        if (e instanceof IASTFieldReference fr && fr.isPointerDereference() && Lowering.unparen(fr.getFieldOwner()) instanceof IASTLiteralExpression lit
                && lit.getKind() == IASTLiteralExpression.lk_this) {
            return fr.getFieldName().resolveBinding() instanceof IField f && !f.isStatic();
        }
        return false;
    }

    private static boolean constant(IASTExpression e) {
        e = Lowering.unparen(e);
        if (e instanceof IASTLiteralExpression lit) return lit.getKind() != IASTLiteralExpression.lk_this && lit.getKind() != IASTLiteralExpression.lk_string_literal;
        if (e instanceof IASTIdExpression id) {
            IBinding b = id.getName().resolveBinding();
            return b instanceof IEnumerator;
        }
        return false;
    }

    private static boolean comparison(int op) {
        return op == IASTBinaryExpression.op_equals || op == IASTBinaryExpression.op_notequals || op == IASTBinaryExpression.op_lessThan
                || op == IASTBinaryExpression.op_greaterThan || op == IASTBinaryExpression.op_lessEqual || op == IASTBinaryExpression.op_greaterEqual;
    }
}
