package io.memsafe.frontend;

import org.eclipse.cdt.core.dom.ast.ASTTypeUtil;
import org.eclipse.cdt.core.dom.ast.DOMException;
import org.eclipse.cdt.core.dom.ast.IArrayType;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.ISemanticProblem;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPBase;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPConstructor;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lowering needs to know of a C++ class: whether it is polymorphic, the slots of its
 * virtual table, and which function fills each slot. The layout follows the Itanium ABI for single
 * inheritance: the vtable pointer at offset 0, a derived class's table extends its primary base's
 * (so a slot number read through a base class is the same in every derived class). Further bases'
 * virtual functions get slots after the primary chain's, an approximation of the ABI's secondary
 * tables that keeps dispatch by name and parameter types correct.
 */
final class ClassModel {
    private ClassModel() { }

    /** The name of the vtable pointer member in the IR's struct layout. */
    static final String VPTR = "__vptr";
    private static final int MAX_DEPTH = 20;

    /** Whether the class or a base declares a virtual function (it has slots: {@link #slots} is not empty), without their signatures. */
    static boolean isPolymorphic(ICPPClassType c) {
        return anyVirtual(c, 0);
    }

    private static boolean anyVirtual(ICPPClassType c, int depth) {
        if (depth > MAX_DEPTH) return false;
        for (ICPPMethod m : declaredMethods(c)) if (m.isVirtual()) return true;
        for (ICPPClassType b : bases(c)) if (anyVirtual(b, depth + 1)) return true;
        return false;
    }

    /** What identifies an overrider: the name and parameter types (every destructor is "~"). */
    static String signature(ICPPMethod m) {
        if (m.isDestructor()) return "~";
        try {
            return m.getName() + ASTTypeUtil.getParameterTypeString(m.getType());
        } catch (RuntimeException e) {
            return m.getName();
        }
    }

    /** The signatures of the virtual functions, in slot order. */
    static List<String> slots(ICPPClassType c) {
        List<String> known = UNIT.get().slots().get(c);
        if (known != null) return known;
        List<String> out = new ArrayList<>();
        collect(c, out, 0);
        out = List.copyOf(out);
        UNIT.get().slots().put(c, out);
        return out;
    }

    private static void collect(ICPPClassType c, List<String> out, int depth) {
        if (depth > MAX_DEPTH) return;
        for (ICPPClassType b : bases(c)) collect(b, out, depth + 1);
        for (ICPPMethod m : declaredMethods(c)) {
            String sig = signature(m);
            if (!out.contains(sig) && m.isVirtual()) out.add(sig);
        }
    }

    /** The slot of a virtual function called through class {@code c}; -1 when the call is not virtual. */
    static int slot(ICPPClassType c, ICPPMethod m) {
        return slots(c).indexOf(signature(m));
    }

    /** The function that fills slot {@code signature} in objects whose dynamic type is {@code c}; null if pure. */
    static ICPPMethod finalOverrider(ICPPClassType c, String signature) {
        return overrider(c, signature, 0);
    }

    private static ICPPMethod overrider(ICPPClassType c, String signature, int depth) {
        if (depth > MAX_DEPTH) return null;
        for (ICPPMethod m : declaredMethods(c)) {
            if (signature(m).equals(signature)) return m.isPureVirtual() ? null : m;
        }
        for (ICPPClassType b : bases(c)) {
            ICPPMethod m = overrider(b, signature, depth + 1);
            if (m != null) return m;
        }
        return null;
    }

    /** The destructor the program declares for {@code c} or a base; null when every one is the compiler's (trivial here). */
    static ICPPMethod userDestructor(ICPPClassType c) {
        ICPPMethod m = overrider(c, "~", 0);
        return m != null && !m.isImplicit() ? m : null;
    }

    /**
     * Whether constructing an object of {@code c} runs code that writes it: a constructor the program
     * declares, a vtable, a base or a member of class type (or of a type the scan cannot resolve).
     * Objects of other classes (C-like aggregates) start indeterminate, as C structs do.
     */
    static boolean constructsMembers(ICPPClassType c) {
        try {
            if (hasUserConstructor(c) || isPolymorphic(c) || c.getBases().length > 0) return true;
            for (IField f : c.getDeclaredFields()) {
                if (!f.isStatic() && hasDefaultInitializer(f)) return true;
                IType t = f.getType();
                // through typedefs and arrays in any order: std::string a[2] is an array of a typedef of a class
                while (t instanceof ITypedef || t instanceof IArrayType) t = t instanceof ITypedef td ? td.getType() : ((IArrayType) t).getType();
                if (t instanceof ICPPClassType || t instanceof IProblemBinding || t instanceof ISemanticProblem) return true;
            }
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Whether the class declares a constructor of its own (else it is an aggregate the compiler constructs). */
    static boolean hasUserConstructor(ICPPClassType c) {
        for (ICPPConstructor k : c.getConstructors()) if (!k.isImplicit()) return true;
        return false;
    }

    /**
     * Whether destroying an object of {@code c} runs code: a destructor the program declares, a smart
     * pointer's release, or the destructor of a member or base (which the implicit destructor runs).
     */
    static boolean needsDestruction(ICPPClassType c) { return needsDestruction(c, 0); }

    private static boolean needsDestruction(ICPPClassType c, int depth) {
        if (c == null || depth > 8) return false;
        if (SmartPointerLowering.isSmart(c)) return SmartPointerLowering.deletes(c);
        if (ClassLowering.libraryClass(c)) return false;
        return userDestructor(c) != null || somePart(c, depth, ClassModel::needsDestruction);
    }

    /**
     * Whether a base or a member of class type of {@code c} (at {@code depth} of nesting) has property
     * {@code p}, asked at the next depth; false for a class the parser could not resolve.
     */
    private static boolean somePart(ICPPClassType c, int depth, java.util.function.BiPredicate<ICPPClassType, Integer> p) {
        try {
            for (ICPPBase b : c.getBases()) if (b.getBaseClass() instanceof ICPPClassType bc && p.test(bc, depth + 1)) return true;
            for (IField f : c.getDeclaredFields()) {
                if (!f.isStatic() && p.test(ClassLowering.classOf(f.getType()), depth + 1)) return true;
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    /**
     * The constructor that copies an object of {@code c} into a new one (declared by the program or
     * made by the compiler): for an argument that is an rvalue ({@code std::move(x)}), a move
     * constructor if there is one; null when the class has neither.
     */
    static ICPPConstructor copyConstructor(ICPPClassType c, boolean fromRvalue) {
        ICPPConstructor copy = null, move = null;
        for (ICPPConstructor k : c.getConstructors()) {
            org.eclipse.cdt.core.dom.ast.cpp.ICPPParameter[] ps = k.getParameters();
            if (ps.length == 0 || !(ps[0].getType() instanceof org.eclipse.cdt.core.dom.ast.cpp.ICPPReferenceType r)
                    || !(ClassLowering.classOf(r.getType()) instanceof ICPPClassType of) || !of.isSameType(c)) continue;
            boolean rest = true;
            for (int i = 1; i < ps.length; i++) rest &= ps[i].hasDefaultValue();
            if (!rest) continue;
            if (r.isRValueReference()) { if (move == null) move = k; }
            else if (copy == null) copy = k;
        }
        return fromRvalue && move != null ? move : copy != null ? copy : move;
    }

    /**
     * Whether the program gives the function a body of its own: declared by it, neither deleted nor
     * defaulted ({@code Slice(const Slice &) = default;} is the compiler's, which has no body to call).
     */
    static boolean userProvided(org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod k) {
        if (k == null || k.isImplicit() || k.isDeleted()) return false;
        if (k instanceof org.eclipse.cdt.internal.core.dom.parser.cpp.ICPPInternalBinding ib) {
            for (org.eclipse.cdt.core.dom.ast.IASTNode n = ib.getDefinition(); n != null; n = n.getParent()) {
                if (n instanceof org.eclipse.cdt.core.dom.ast.cpp.ICPPASTFunctionDefinition fd) return !fd.isDefaulted() && !fd.isDeleted();
                if (n instanceof org.eclipse.cdt.core.dom.ast.IASTDeclaration) break;
            }
        }
        return true;
    }

    /**
     * Whether the compiler's copy constructor of {@code c} runs code of the program: a copy constructor
     * the program declares, of the class itself or of one of its members or bases (which the compiler's
     * copy constructor runs, member by member).
     */
    static boolean copiesDeep(ICPPClassType c) { return copiesDeep(c, 0); }

    private static boolean copiesDeep(ICPPClassType c, int depth) {
        if (c == null || depth > 8 || ClassLowering.libraryClass(c)) return false;
        try {
            if (userProvided(copyConstructor(c, false))) return true;
        } catch (RuntimeException e) {
            return false;
        }
        return somePart(c, depth, ClassModel::copiesDeep);
    }

    /** The constructor the program declares that takes no arguments (each parameter has a default), or null. */
    static ICPPConstructor defaultConstructor(ICPPClassType c) {
        for (ICPPConstructor k : c.getConstructors()) {
            if (k.isImplicit()) continue;
            boolean none = true;
            for (org.eclipse.cdt.core.dom.ast.cpp.ICPPParameter p : k.getParameters()) none &= p.hasDefaultValue();
            if (none) return k;
        }
        return null;
    }

    /**
     * Whether constructing an object of {@code c} by default runs code the program declares: its default
     * constructor, or (when it declares no constructor) that of a base or member. The standard library's
     * classes have models of their own.
     */
    static boolean constructsByDefault(ICPPClassType c) { return constructsByDefault(c, 0); }

    private static boolean constructsByDefault(ICPPClassType c, int depth) {
        if (c == null || depth > 8 || ClassLowering.libraryClass(c)) return false;
        try {
            if (defaultConstructor(c) != null) return true;
            if (hasUserConstructor(c)) return false;
        } catch (RuntimeException e) {
            return false;
        }
        return somePart(c, depth, ClassModel::constructsByDefault);
    }

    /** A member with a default initialiser ({@code int n = 0;}, {@code bool b{false};}): every constructor sets it. */
    static boolean hasDefaultInitializer(IField f) {
        if (!(f instanceof org.eclipse.cdt.internal.core.dom.parser.cpp.ICPPInternalBinding ib)) return false;
        org.eclipse.cdt.core.dom.ast.IASTNode d = ib.getDefinition();
        if (d == null && ib.getDeclarations() != null && ib.getDeclarations().length > 0) d = ib.getDeclarations()[0];
        for (org.eclipse.cdt.core.dom.ast.IASTNode n = d; n != null; n = n.getParent()) {
            if (n instanceof org.eclipse.cdt.core.dom.ast.IASTDeclarator dt && dt.getInitializer() != null) return true;
            if (n instanceof org.eclipse.cdt.core.dom.ast.IASTDeclaration) return false;
        }
        return false;
    }

    static boolean isVirtualCall(ICPPMethod m) {
        ICPPClassType owner = m.getClassOwner();
        return owner != null && !m.isStatic() && slot(owner, m) >= 0;
    }

    static String qualifiedName(ICPPClassType c) {
        try {
            return String.join("::", c.getQualifiedName());
        } catch (DOMException | RuntimeException e) {
            return c.getName();
        }
    }

    private static List<ICPPClassType> bases(ICPPClassType c) {
        List<ICPPClassType> out = new ArrayList<>();
        try {
            for (ICPPBase b : c.getBases()) {
                IBinding bc = b.getBaseClass();
                if (bc instanceof ICPPClassType bt && bt != c) out.add(bt);
            }
        } catch (RuntimeException e) {
            // an unresolved base: its members are unknown, its virtual functions too
        }
        return out;
    }

    /**
     * The declared methods of each class asked about in the unit being lowered, on the lowering thread.
     * CDT makes a template specialisation's members afresh at every ask, and lowering asks for each
     * call and each class layout: on fish-shell that was a sixth of the lowering thread's time.
     */
    private static final ThreadLocal<UnitCache> UNIT = ThreadLocal.withInitial(UnitCache::new);

    /** Per class binding: its declared methods, and its slots ({@link #slots}, asked at every call of a method). */
    private record UnitCache(Map<ICPPClassType, ICPPMethod[]> methods, Map<ICPPClassType, List<String>> slots) {
        UnitCache() { this(new IdentityHashMap<>(), new IdentityHashMap<>()); }
    }

    /** Forgets what this class kept: the bindings belong to one unit's AST. */
    static void forgetUnit() { UNIT.remove(); }

    private static ICPPMethod[] declaredMethods(ICPPClassType c) {
        return UNIT.get().methods().computeIfAbsent(c, k -> {
            try {
                return k.getDeclaredMethods();
            } catch (RuntimeException e) {
                return new ICPPMethod[0];
            }
        });
    }
}
