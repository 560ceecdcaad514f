package io.memsafe.frontend;

import io.memsafe.ir.DataModel;
import io.memsafe.ir.Type;
import org.eclipse.cdt.core.dom.ast.IArrayType;
import org.eclipse.cdt.core.dom.ast.IBasicType;
import org.eclipse.cdt.core.dom.ast.ICompositeType;
import org.eclipse.cdt.core.dom.ast.IEnumeration;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.IFunctionType;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.IValue;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPBase;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPReferenceType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CDT types to IR types, with the sizes of the unit's data model and System V style struct layout. */
final class TypeLowering {
    private final Map<IType, Type.Struct> structs = new HashMap<>();
    private final Set<IType> inProgress = new HashSet<>();
    private final DataModel model;

    TypeLowering(DataModel model) {
        this.model = model;
    }

    DataModel model() { return model; }

    Type lower(IType t) {
        try {
            return lower0(t, 0);
        } catch (RuntimeException e) {
            return Type.UNKNOWN;
        }
    }

    private Type lower0(IType t, int depth) {
        if (t == null || depth > 40) return Type.UNKNOWN;
        if (t instanceof ITypedef td) {
            String n = td.getName();
            // wchar_t is a typedef in C; keep its ABI size even when a header gets it wrong
            if ("wchar_t".equals(n)) return model.wchar();
            return lower0(td.getType(), depth + 1);
        }
        if (t instanceof IQualifierType q) return lower0(q.getType(), depth + 1);
        if (t instanceof ICPPReferenceType r) return model.pointer(lower0(r.getType(), depth + 1));
        if (t instanceof IBasicType b) return basic(b);
        if (t instanceof IPointerType p) return model.pointer(lower0(p.getType(), depth + 1));
        if (t instanceof IArrayType a) {
            Type elem = lower0(a.getType(), depth + 1);
            long len = -1;
            IValue v = a.getSize();
            if (v != null) {
                Number n = v.numberValue();
                if (n != null) len = n.longValue();
            }
            Long ours = ArraySizes.refolded(a, model);
            if (ours != null) len = ours;
            return new Type.Array(elem, len);
        }
        if (t instanceof IEnumeration) return Type.INT;
        if (t instanceof IFunctionType f) {
            List<Type> ps = new ArrayList<>();
            for (IType p : f.getParameterTypes()) {
                // an object the caller makes for the callee is given by its address (References.passedByAddress)
                Type lp = lower0(p, depth + 1);
                ps.add(References.passedByAddress(p) != null ? model.pointer(lp) : lp);
            }
            return new Type.Function(lower0(f.getReturnType(), depth + 1), ps, false);
        }
        if (t instanceof ICompositeType c) return composite(c, depth);
        return Type.UNKNOWN;
    }

    /**
     * The members of {@code c} in declaration order, with its anonymous unions and structures
     * ({@code union { int i; float x; };}) among them: CDT lists only named members, but the anonymous
     * one's members are the enclosing structure's, at the anonymous member's place, and it takes room.
     * When the definition is not at hand or declares no anonymous member: {@code own} as it is.
     */
    private static List<Object> membersInOrder(ICompositeType c, IField[] own) {
        List<Object> out = new ArrayList<>(java.util.Arrays.asList((Object[]) own));
        try {
            org.eclipse.cdt.core.dom.ast.IASTNode def = c instanceof org.eclipse.cdt.internal.core.dom.parser.cpp.ICPPInternalBinding ib ? ib.getDefinition()
                    : c instanceof org.eclipse.cdt.internal.core.dom.parser.c.ICInternalBinding cb ? cb.getPhysicalNode() : null;
            if (def instanceof org.eclipse.cdt.core.dom.ast.IASTName n) def = n.getParent();
            if (!(def instanceof org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier spec)) return out;
            List<Object> ordered = new ArrayList<>();
            boolean anonymous = false;
            Map<String, IField> byName = new HashMap<>();
            for (IField f : own) byName.put(f.getName(), f);
            for (org.eclipse.cdt.core.dom.ast.IASTDeclaration d : spec.getMembers()) {
                if (!(d instanceof org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration sd)) continue;
                if (sd.getDeclarators().length == 0 && sd.getDeclSpecifier() instanceof org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier inner
                        && inner.getName().toString().isEmpty() && inner.getName().resolveBinding() instanceof ICompositeType ac) {
                    ordered.add(ac);
                    anonymous = true;
                    continue;
                }
                for (org.eclipse.cdt.core.dom.ast.IASTDeclarator dr : sd.getDeclarators()) {
                    IField f = byName.remove(Lowering.innermost(dr).getName().toString());
                    if (f != null) ordered.add(f);
                }
            }
            if (!anonymous) return out;
            // any member of its own the walk did not meet keeps its place after the others (C lists the
            // anonymous members' members among the structure's own: they are in their anonymous member)
            for (IField f : own) if (byName.containsKey(f.getName()) && f.getCompositeTypeOwner() == c) ordered.add(f);
            return ordered;
        } catch (RuntimeException e) {
            return out;
        }
    }

    private Type composite(ICompositeType c, int depth) {
        Type.Struct known = structs.get(c);
        if (known != null) return known;
        if (inProgress.contains(c)) return new Type.Struct(c.getName(), List.of(), -1, c.getKey() == ICompositeType.k_union);
        inProgress.add(c);
        try {
            boolean union = c.getKey() == ICompositeType.k_union;
            List<Type.Field> fields = new ArrayList<>();
            long off = 0, size = 0, maxAlign = 1;
            boolean unknown = false, placedAfterUnknown = false;
            IField[] own;
            if (!(c instanceof ICPPClassType cls)) own = c.getFields();
            else {
                // C++: the vtable pointer first (a polymorphic class), then the base classes' members, then its own
                own = cls.getDeclaredFields();
                if (ClassModel.isPolymorphic(cls)) {
                    fields.add(new Type.Field(ClassModel.VPTR, model.pointer(Type.VOID), 0));
                    off = model.pointerSize;
                    maxAlign = model.pointerSize;
                }
                for (ICPPBase base : cls.getBases()) {
                    if (!(base.getBaseClass() instanceof ICompositeType bc) || !(lower0(bc, depth + 1) instanceof Type.Struct bs)) continue;
                    unknown |= bs.size() < 0; // a base of unknown size: so is the class
                    for (Type.Field f : bs.fields()) {
                        if (f.name().equals(ClassModel.VPTR)) continue;
                        long al = align(f.type());
                        maxAlign = Math.max(maxAlign, al);
                        long at = (off + al - 1) / al * al;
                        fields.add(new Type.Field(f.name(), f.type(), at));
                        off = at + Math.max(0, f.type().size());
                    }
                }
            }
            for (Object member : membersInOrder(c, own)) {
                // a member, or an anonymous union or structure whose members are this one's (named "")
                IField f = member instanceof IField mf ? mf : null;
                if (f != null && f.isStatic()) continue;
                IType memberType = f != null ? f.getType() : (ICompositeType) member;
                String memberName = f != null ? f.getName() : "";
                Type ft = lower0(memberType, depth + 1);
                long fs = ft.size();
                long al = align(ft);
                maxAlign = Math.max(maxAlign, al);
                boolean sizeUnknown = false;
                if (fs < 0) {
                    // a flexible array member ends the struct; anything else unknown (an array of elements of
                    // unknown size among them: std::atomic<bool> v[4] with <atomic> missing) makes layout unknown
                    sizeUnknown = !(ft instanceof Type.Array a && a.element().size() >= 0) || boundNotEvaluated(memberType);
                    unknown |= sizeUnknown;
                    fs = 0;
                }
                // past a member of unknown size, where a member lies is unknown too: it gets the place of its
                // own a member of a structure of unknown layout has (at the offset the unknown member would
                // have had, an initialiser's values for two members fell on one place)
                long at = union ? 0 : placedAfterUnknown ? Lowering.unknownLayoutSlot(memberName) : (off + al - 1) / al * al;
                fields.add(new Type.Field(memberName, ft, at));
                if (union) size = Math.max(size, fs);
                else if (!placedAfterUnknown) off = at + fs;
                placedAfterUnknown |= sizeUnknown && !union;
            }
            if (!union) size = off;
            size = (size + maxAlign - 1) / maxAlign * maxAlign;
            if (fields.isEmpty() && size == 0) size = 1;
            Type.Struct s = new Type.Struct(c.getName(), fields, unknown ? -1 : size, union);
            // a layout left unknown while an enclosing struct is still being lowered may only lack that
            // struct (reached back through a pointer: a by-value member of it seen before it was done,
            // lua's TValue -> lua_State -> StackValue -> TValue): lowered again when asked next, not kept
            if (!unknown || inProgress.size() == 1) structs.put(c, s);
            return s;
        } finally {
            inProgress.remove(c);
        }
    }

    /**
     * An array type whose bound is written but has no value here (a template argument computed by a
     * call CDT does not evaluate: {@code std::bitset<enum_count<T>()>}): not a flexible array member.
     */
    private static boolean boundNotEvaluated(IType t) {
        for (int depth = 0; t instanceof ITypedef || t instanceof IQualifierType; depth++) {
            if (depth > 20) return false;
            t = t instanceof ITypedef td ? td.getType() : ((IQualifierType) t).getType();
        }
        return t instanceof IArrayType a && a.getSize() != null && a.getSize().numberValue() == null;
    }

    long align(Type t) {
        return switch (t) {
            case Type.Int i -> model.scalarAlign(i.size());
            case Type.Float f -> f.size() == 12 ? 4 : model.scalarAlign(Math.min(16, f.size()));
            case Type.Pointer p -> p.size();
            case Type.Array a -> align(a.element());
            case Type.Struct s -> {
                long m = 1;
                for (Type.Field f : s.fields()) m = Math.max(m, align(f.type()));
                yield m;
            }
            default -> 1;
        };
    }

    private Type basic(IBasicType b) {
        boolean unsigned = b.isUnsigned();
        return switch (b.getKind()) {
            case eChar -> new Type.Int(1, !unsigned, true);
            case eWChar -> model.wchar();
            case eChar16 -> new Type.Int(2, false, true);
            case eChar32 -> new Type.Int(4, false, true);
            case eBoolean -> Type.BOOL;
            case eFloat -> new Type.Float(4);
            case eDouble -> new Type.Float(b.isLong() ? model.longDoubleSize : 8);
            case eFloat128, eDecimal128 -> new Type.Float(16);
            case eInt128 -> new Type.Int(16, !unsigned, false);
            case eVoid -> Type.VOID;
            case eNullPtr -> model.pointer(Type.VOID);
            default -> {
                long size = b.isShort() ? 2 : b.isLongLong() ? 8 : b.isLong() ? model.longSize : 4;
                yield new Type.Int(size, !unsigned, false);
            }
        };
    }
}
