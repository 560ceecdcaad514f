package io.memsafe.frontend;

import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IFunctionType;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPReferenceType;

/**
 * C++ references as the IR sees them: a reference is a pointer that is bound once (binding is
 * taking the address of the referent) and dereferenced at every use. Parameters and results of
 * reference type pass addresses, so that a callee writing through {@code T &data} changes the
 * caller's object, as the language says.
 */
final class References {
    private References() { }

    static boolean isReference(IType t) {
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof ICPPReferenceType) return true;
            if (t instanceof ITypedef td) t = td.getType();
            else if (t instanceof IQualifierType q) t = q.getType();
            else return false;
        }
        return false;
    }

    /**
     * The function type a call goes through (a function, or a pointer to one), for what it says of
     * references; null in C, which has none, and when CDT cannot tell. (In C, CDT builds the type of a
     * function called without a declaration in sight anew at each call: asking cost curl's unity unit
     * about as much as parsing it.)
     */
    static IFunctionType calleeType(IASTFunctionCallExpression c) {
        if (!(c instanceof org.eclipse.cdt.core.dom.ast.cpp.ICPPASTFunctionCallExpression)) return null;
        try {
            IASTExpression fe = c.getFunctionNameExpression();
            IType t = fe == null ? null : fe.getExpressionType();
            for (int depth = 0; t != null && depth < 20; depth++) {
                if (t instanceof IFunctionType ft) return ft;
                if (t instanceof ITypedef td) t = td.getType();
                else if (t instanceof IQualifierType q) t = q.getType();
                else if (t instanceof IPointerType p) t = p.getType();
                else if (t instanceof ICPPReferenceType r) t = r.getType();
                else return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    static boolean returnsReference(IASTFunctionCallExpression c) {
        IFunctionType ft = calleeType(c);
        return ft != null && isReference(ft.getReturnType());
    }

    /** Whether argument {@code i} of a call binds a reference parameter. */
    static boolean bindsReference(IFunctionType ft, int i) {
        if (ft == null) return false;
        IType[] ps = ft.getParameterTypes();
        return i < ps.length && isReference(ps[i]);
    }
}
