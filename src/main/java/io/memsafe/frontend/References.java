package io.memsafe.frontend;

import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IFunctionType;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPReferenceType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPTemplateTypeParameter;
import org.eclipse.cdt.core.dom.ast.IBasicType;
import org.eclipse.cdt.core.dom.ast.IArrayType;

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

    /**
     * The class of reference parameter {@code i} when argument {@code arg} is not an object of that
     * class (nor of a class derived from it), so that binding it makes a temporary by conversion
     * ({@code const StringPiece &} given a {@code const char *}); else null.
     */
    static ICPPClassType convertedTo(IFunctionType ft, int i, IASTExpression arg) {
        try {
            IType[] ps = ft.getParameterTypes();
            if (i >= ps.length) return null;
            IType p = ps[i];
            for (int depth = 0; depth < 20 && !(p instanceof ICPPClassType); depth++) {
                if (p instanceof ITypedef td) p = td.getType();
                else if (p instanceof IQualifierType q) p = q.getType();
                else if (p instanceof ICPPReferenceType r) p = r.getType();
                else return null;
            }
            if (!(p instanceof ICPPClassType param) || param instanceof ICPPTemplateTypeParameter) return null;
            IType a = arg.getExpressionType();
            for (int depth = 0; depth < 20 && !(a instanceof ICPPClassType); depth++) {
                if (a instanceof ITypedef td) a = td.getType();
                else if (a instanceof IQualifierType q) a = q.getType();
                else if (a instanceof ICPPReferenceType r) a = r.getType();
                else break;
            }
            if (a instanceof ICPPClassType ac && !(ac instanceof org.eclipse.cdt.core.dom.ast.IProblemBinding)
                    && !(param instanceof org.eclipse.cdt.core.dom.ast.IProblemBinding)) {
                // an object of an unrelated class (a std::string for a const StringPiece &): converted
                boolean related = ac.isSameType(param) || org.eclipse.cdt.internal.core.dom.parser.cpp.ClassTypeHelper.isSubclass(ac, param);
                return related ? null : param;
            }
            // else only a value CDT knows to be of another kind: a scalar, a pointer or an array
            if (!(a instanceof IBasicType || a instanceof IPointerType || a instanceof IArrayType)) return null;
            return param;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The class of by-value parameter {@code i} when argument {@code arg} is a scalar, a pointer or
     * an array, so that the parameter is made by a converting constructor; else null.
     */
    static ICPPClassType constructedParameter(IFunctionType ft, int i, IASTExpression arg) {
        try {
            if (ft == null) return null;
            IType[] ps = ft.getParameterTypes();
            if (i >= ps.length || isReference(ps[i])) return null;
            IType p = ps[i];
            for (int depth = 0; depth < 20 && !(p instanceof ICPPClassType); depth++) {
                if (p instanceof ITypedef td) p = td.getType();
                else if (p instanceof IQualifierType q) p = q.getType();
                else return null;
            }
            if (!(p instanceof ICPPClassType param) || param instanceof ICPPTemplateTypeParameter) return null;
            IType a = arg.getExpressionType();
            for (int depth = 0; depth < 20; depth++) {
                if (a instanceof ITypedef td) a = td.getType();
                else if (a instanceof IQualifierType q) a = q.getType();
                else if (a instanceof ICPPReferenceType r) a = r.getType();
                else break;
            }
            return a instanceof IBasicType || a instanceof IPointerType || a instanceof IArrayType ? param : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The class of a parameter of class type that the caller makes and the callee receives by address:
     * one whose destruction runs code or whose copy constructor the program declares. The Itanium C++
     * ABI passes such an object by invisible reference (a copy the caller makes, which the callee works
     * on and the caller destroys at the end of the full-expression) and MSVC's likewise makes the copy
     * where the argument is; a byte copy given to the callee and destroyed by neither side would free
     * nothing a shallow copy shares, and nothing a deep copy made. Null for any other parameter (the
     * library's strings, containers and smart pointers have models of their own).
     */
    static ICPPClassType passedByAddress(IType param) {
        try {
            if (param == null || isReference(param)) return null;
            ICPPClassType c = ClassLowering.classOf(param);
            if (c == null || c instanceof ICPPTemplateTypeParameter || ClassLowering.libraryClass(c)) return null;
            return ClassModel.needsDestruction(c) || ClassModel.userProvided(ClassModel.copyConstructor(c, false)) ? c : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@link #passedByAddress} of parameter {@code i} of a call's function type. */
    static ICPPClassType passedByAddress(IFunctionType ft, int i) {
        if (ft == null) return null;
        IType[] ps = ft.getParameterTypes();
        return i < ps.length ? passedByAddress(ps[i]) : null;
    }

    /** Whether argument {@code i} of a call binds a reference parameter. */
    static boolean bindsReference(IFunctionType ft, int i) {
        if (ft == null) return false;
        IType[] ps = ft.getParameterTypes();
        return i < ps.length && isReference(ps[i]);
    }
}
