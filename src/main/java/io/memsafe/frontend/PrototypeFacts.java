package io.memsafe.frontend;

import org.eclipse.cdt.core.dom.ast.IBasicType;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IFunctionType;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;

/** What a called function's prototype says about its pointer parameters. */
final class PrototypeFacts {
    private PrototypeFacts() { }

    /** Which parameters a prototype declares pointer-to-const, and which of those are C strings (const char or wchar_t). */
    static void of(IFunction f, java.util.Set<Integer> readOnly, java.util.Map<Integer, Integer> strings) {
        try {
            IFunctionType ft = f.getType();
            IType[] ps = ft.getParameterTypes();
            boolean takesLength = false;
            for (int i = 0; i < ps.length; i++) {
                IType t = ps[i];
                while (t instanceof ITypedef td) t = td.getType();
                if (t instanceof IBasicType) takesLength = true;
                if (t instanceof IPointerType p) {
                    IType pointee = p.getType();
                    boolean isConst = pointee instanceof IQualifierType q && q.isConst();
                    if (isConst) {
                        readOnly.add(i);
                        IType base = ((IQualifierType) pointee).getType();
                        String name = base instanceof ITypedef td ? td.getName() : null;
                        while (base instanceof ITypedef td) base = td.getType();
                        if ("wchar_t".equals(name) || (base instanceof IBasicType bt && bt.getKind() == IBasicType.Kind.eWChar)) strings.put(i, 4);
                        // (plain char: an unsigned char pointer, a uint8_t one, is bytes, not text)
                        else if (base instanceof IBasicType bt && bt.getKind() == IBasicType.Kind.eChar && !bt.isUnsigned()) strings.put(i, 1);
                    }
                }
            }
            // from the type, not IFunction.takesVarArgs(): CDT's C binding finds that by walking the whole unit
            if (takesLength || ft.takesVarArgs()) strings.clear();
        } catch (RuntimeException e) {
            readOnly.clear();
            strings.clear();
        }
    }
}
