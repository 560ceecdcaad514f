package io.memsafe.frontend;

import org.eclipse.cdt.core.dom.ast.ASTTypeUtil;
import org.eclipse.cdt.core.dom.ast.DOMException;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPFunction;

/**
 * The name under which a function is linked across translation units. A C++ function inside a
 * namespace or a class is known by its qualified name and its parameter types (what the linker's
 * mangled name holds), so that two programs of one compile database that each define
 * {@code ns1::badSink(int *)} and {@code ns2::badSink(int *)}, or one class's overloads, stay apart,
 * while a declaration in one unit still reaches the definition in another. A C++ function of the
 * global namespace carries its parameter types too: overloads such as {@code f(const char *, T *)}
 * and {@code f(const char *, size_t, T *)} are different functions. C functions, {@code extern "C"}
 * declarations, {@code main} and {@code std} keep their plain name: that is how C code and the
 * library models name them.
 */
final class LinkNames {
    private LinkNames() { }

    /** What an anonymous namespace contributes to a qualified name (CDT gives it an empty name). */
    private static final String ANONYMOUS = "(anonymous)";

    static String of(IFunction f) {
        if (!(f instanceof ICPPFunction cf) || cf.isExternC()) return f.getName();
        String[] qn;
        try {
            qn = cf.getQualifiedName();
        } catch (DOMException | RuntimeException e) {
            return f.getName();
        }
        if (qn.length == 0 || "std".equals(qn[0]) || "__gnu_cxx".equals(qn[0])) return f.getName();
        if (qn.length == 1 && ("main".equals(qn[0]) || builtin(f))) return f.getName();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < qn.length; i++) {
            if (i > 0) name.append("::");
            name.append(qn[i].isEmpty() ? ANONYMOUS : qn[i]);
        }
        try {
            name.append(ASTTypeUtil.getParameterTypeString(cf.getType()));
        } catch (RuntimeException e) {
            // a type CDT cannot print: the qualified name alone still tells namespaces apart
        }
        return name.toString();
    }

    /** A compiler builtin ({@code __builtin_va_start}): CDT declares it, the program does not. */
    private static boolean builtin(IFunction f) {
        if (f.getName().startsWith("__builtin")) return true;
        return f instanceof org.eclipse.cdt.internal.core.dom.parser.cpp.ICPPInternalBinding ib
                && ib.getDefinition() == null && (ib.getDeclarations() == null || ib.getDeclarations().length == 0);
    }

    /** A function in an anonymous namespace has internal linkage, as a {@code static} one has. */
    static boolean internal(IFunction f) {
        if (!(f instanceof ICPPFunction cf)) return false;
        try {
            for (String part : cf.getQualifiedName()) if (part.isEmpty()) return true;
        } catch (DOMException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
