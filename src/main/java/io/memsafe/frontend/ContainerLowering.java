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
import org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPReferenceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code std::vector}, {@code list}, {@code deque}, {@code map}, {@code unordered_map}, {@code set},
 * {@code unordered_set}, {@code queue} and {@code stack} as the prelude declares them: a container is
 * an object with one cell that stands for all its elements (the mapped values of a map, the keys of a
 * set). {@code std::array} is apart: it holds its N elements themselves, so an index is checked
 * against N ({@link #arraySubscript}, {@link #arrayCall}). Storing an element ({@code push_back},
 * {@code push}, {@code insert}, {@code m[k] = v}) writes the cell, reading one ({@code v[i]},
 * {@code at}, {@code front}, {@code back}, {@code top}) designates it; the other members give values
 * the analysis does not know. A vector's cell is in a heap block the vector
 * points to, which the invalidating members replace (see {@link #INVALIDATING}); the other containers
 * keep it in the object. The cell holds the last element stored (a strong
 * update): exact for a container filled with one value, as tests of data flow through containers
 * are, and it never mixes an element with the indeterminate contents of the empty container.
 * The member functions are lowered here, not analysed: the prelude only declares them.
 */
final class ContainerLowering {
    /** The prelude's name of the element cell. */
    static final String ELEMENT = "__memsafe_element";
    /** The prelude's name of a vector's pointer to the heap block that holds its element cell. */
    static final String STORAGE = Type.Struct.CONTAINER_STORAGE;
    /** The allocation family of that block: not the program's to free, so never a leak nor a mismatch. */
    static final String STORAGE_FAMILY = "container storage";
    /**
     * Vector members after which pointers and references into the elements are invalid (the
     * standard's rules for vector: push_back, emplace_back, insert, emplace, reserve, resize and
     * shrink_to_fit may reallocate; erase and clear end the elements' lifetime; assign replaces them).
     * Modelled as a reallocation every time: the element moves to a new block, the old one is freed,
     * so a use through an old pointer or iterator is a use after free. Iterators from begin(),
     * data(), insert() and erase() point at the block's start; end() is a value the analysis does not
     * know. The block's size is unknown (one cell stands for every element, so a walk over them
     * cannot be bounded), except for a vector left empty by a move: a block of 0 bytes, so that
     * reading or writing an element of it is out of bounds.
     */
    private static final Set<String> INVALIDATING = Set.of("push_back", "emplace_back", "insert", "emplace", "erase", "clear",
            "reserve", "resize", "shrink_to_fit", "assign");
    private static final Set<String> CONTAINERS = Set.of("vector", "list", "deque", "map", "unordered_map", "set", "unordered_set",
            "queue", "stack");
    private static final Set<String> STORES = Set.of("push_back", "push_front", "push", "insert", "emplace", "emplace_back", "emplace_front");
    private static final Set<String> ELEMENT_REFERENCES = Set.of("at", "front", "back", "top");
    /** The prelude's name of a {@code std::array}'s elements: an array of N, so that an index is checked against N. */
    static final String ELEMENTS = "__memsafe_elements";
    /** Members returning an iterator (or pointer) to the vector's first element, or one the call made. */
    private static final Set<String> ITERATORS = Set.of("begin", "cbegin", "data", "insert", "erase", "emplace");

    private final Lowering lowering;

    ContainerLowering(Lowering lowering) {
        this.lowering = lowering;
    }

    /** Whether a CDT type is one of the prelude's containers (through typedefs, qualifiers, references and, if asked, a pointer). */
    static boolean isContainer(IType t, boolean throughPointer) {
        String name = stdClass(t, throughPointer);
        return name != null && CONTAINERS.contains(name);
    }

    /** Whether a CDT type is the prelude's {@code std::array} (through typedefs, qualifiers and references). */
    static boolean isArray(IType t) {
        return "array".equals(stdClass(t, false));
    }

    /**
     * The name of the {@code std} class a CDT type designates, through typedefs, qualifiers, references
     * and, if asked, a pointer; null for any other type.
     */
    private static String stdClass(IType t, boolean throughPointer) {
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof ITypedef td) t = td.getType();
            else if (t instanceof IQualifierType q) t = q.getType();
            else if (t instanceof ICPPReferenceType r) t = r.getType();
            else if (throughPointer && t instanceof IPointerType p) { t = p.getType(); throughPointer = false; }
            else return t instanceof ICPPClassType c ? stdName(c) : null;
        }
        return null;
    }

    private static boolean isStdContainer(ICPPClassType c) {
        String name = stdName(c);
        return name != null && CONTAINERS.contains(name);
    }

    /** The name of a class of namespace {@code std} (not nested deeper), or null. */
    private static String stdName(ICPPClassType c) {
        try {
            String[] qn = c.getQualifiedName();
            return qn.length == 2 && "std".equals(qn[0]) ? qn[1] : null;
        } catch (DOMException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a member call is one this class lowers. */
    static boolean handles(IASTFieldReference fr) {
        try {
            return fr.getFieldName().resolveBinding() instanceof ICPPMethod m
                    && (isStdContainer(m.getClassOwner()) || "array".equals(stdName(m.getClassOwner())));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The element cell of a container object; null when its type is not the prelude's (other headers). */
    Lvalue element(Lvalue container, SourceLoc where) {
        Lvalue storage = storage(container, where);
        if (storage != null) {
            Type elem = Type.pointee(storage.type());
            return new Lvalue.Deref(new Expr.Load(storage, storage.type()), 0, elem, where);
        }
        if (!(container.type() instanceof Type.Struct s) || s.field(ELEMENT) == null) return null;
        Type.Field f = s.field(ELEMENT);
        if (container instanceof Lvalue.Deref d) return new Lvalue.Deref(d.pointer(), d.byteOffset() + f.offset(), f.type(), where);
        return new Lvalue.Field(container, ELEMENT, f.offset(), f.type(), where);
    }

    /** A vector's pointer to its element block; null for the other containers. */
    static Lvalue storageOf(Lvalue container, SourceLoc where) {
        return storage(container, where);
    }

    /**
     * A container handed to a function by value: the callee's copy has its elements in a block of
     * its own (a change it makes does not free the caller's); a moved-from one is left empty.
     */
    Expr byValue(IASTExpression e, SourceLoc where) {
        IASTExpression moved = SmartPointerLowering.movedOperand(e);
        Lvalue from = lowering.lvalue(moved != null ? moved : e);
        Variable t = lowering.temp(from.type());
        lowering.emit(new Stmt.Assign(new Lvalue.Var(t, where), new Expr.Load(from, from.type()), where));
        if (moved != null) makeEmpty(from, where);
        else if (storage(new Lvalue.Var(t, where), where) instanceof Lvalue s) moveElement(s, true, false, where);
        return new Expr.Load(new Lvalue.Var(t, where), t.type);
    }

    private static Lvalue storage(Lvalue container, SourceLoc where) {
        if (!(container.type() instanceof Type.Struct s) || s.field(STORAGE) == null) return null;
        Type.Field f = s.field(STORAGE);
        if (container instanceof Lvalue.Deref d) return new Lvalue.Deref(d.pointer(), d.byteOffset() + f.offset(), f.type(), where);
        return new Lvalue.Field(container, STORAGE, f.offset(), f.type(), where);
    }

    /**
     * A container made empty at {@code object}: its element holds no value the analysis knows; a
     * vector's element is in a fresh block of its own.
     */
    void constructEmpty(Lvalue object, SourceLoc where, ClassLowering classes) {
        Lvalue storage = storage(object, where);
        if (storage != null) moveElement(storage, false, false, where);
        Lvalue cell = element(object, where);
        if (cell != null) classes.writeUnknown(cell, "element of an empty container", where);
    }

    /**
     * Moves a vector's element to a new block: the new block gets the old element (if {@code keep}),
     * the vector points to it, the old block is freed (what pointers into it held is gone).
     */
    private void moveElement(Lvalue storage, boolean keep, boolean freeOld, SourceLoc where) {
        Type elem = Type.pointee(storage.type());
        Variable old = lowering.temp(storage.type()), fresh = lowering.temp(storage.type());
        if (keep || freeOld) lowering.emit(new Stmt.Assign(new Lvalue.Var(old, where), new Expr.Load(storage, storage.type()), where));
        // a block of unknown size: one cell stands for every element (see INVALIDATING)
        Expr size = new Expr.Opaque("elements' size", lowering.model().sizeT());
        lowering.emit(new Stmt.Allocate(new Lvalue.Var(fresh, where), size, STORAGE_FAMILY, where));
        Lvalue freshCell = new Lvalue.Deref(new Expr.Load(new Lvalue.Var(fresh, where), fresh.type), 0, elem, where);
        if (keep) {
            lowering.emit(new Stmt.Assign(freshCell, new Expr.Load(new Lvalue.Deref(new Expr.Load(new Lvalue.Var(old, where), old.type), 0, elem, where), elem), where));
        }
        lowering.emit(new Stmt.Assign(storage, new Expr.Load(new Lvalue.Var(fresh, where), fresh.type), where));
        if (freeOld) lowering.emit(new Stmt.Free(new Expr.Load(new Lvalue.Var(old, where), old.type), STORAGE_FAMILY, where));
    }

    /**
     * A container moved from ({@code std::move(v)} handed over): empty. A vector's elements are then
     * in a block of 0 bytes (the old block now belongs to the destination, so it is not freed).
     * Members that store an element or clear start a new block without reading the old one; reserve,
     * resize and erase on a moved-from vector still copy the cell out of the 0-byte block (reported as
     * out of bounds: the emptiness is not tracked apart from the block).
     */
    void makeEmpty(Lvalue container, SourceLoc where) {
        Lvalue storage = storage(container, where);
        if (storage != null) {
            Variable fresh = lowering.temp(storage.type());
            lowering.emit(new Stmt.Allocate(new Lvalue.Var(fresh, where), new Expr.IntConst(0, lowering.model().sizeT()), STORAGE_FAMILY, where));
            lowering.emit(new Stmt.Assign(storage, new Expr.Load(new Lvalue.Var(fresh, where), fresh.type), where));
            return;
        }
        Lvalue cell = element(container, where);
        if (cell != null) lowering.classes.writeUnknown(cell, "element of a moved-from container", where);
    }

    /**
     * {@code target} made from container {@code source}: moved ({@code std::move(w)}: the elements
     * change owner, w is left empty) or copied (the copy's elements are in a block of their own).
     */
    void copyInto(Lvalue target, IASTExpression source, SourceLoc where) {
        IASTExpression moved = SmartPointerLowering.movedOperand(source);
        if (moved != null) {
            Lvalue from = lowering.lvalue(moved);
            lowering.emit(new Stmt.Assign(target, new Expr.Load(from, from.type()), where));
            makeEmpty(from, where);
            return;
        }
        lowering.emit(new Stmt.Assign(target, lowering.rvalue(source), where));
        Lvalue storage = storage(target, where);
        if (storage != null) moveElement(storage, true, false, where);
    }

    /** {@code v = w} or {@code v = std::move(w)}: v's old elements are destroyed (their block freed). */
    void assign(Lvalue target, IASTExpression source, SourceLoc where) {
        Lvalue storage = storage(target, where);
        Variable old = null;
        if (storage != null) {
            old = lowering.temp(storage.type());
            lowering.emit(new Stmt.Assign(new Lvalue.Var(old, where), new Expr.Load(storage, storage.type()), where));
        }
        copyInto(target, source, where);
        if (old != null) lowering.emit(new Stmt.Free(new Expr.Load(new Lvalue.Var(old, where), old.type), STORAGE_FAMILY, where));
    }

    /** {@code c[i]}: the element cell (the index is evaluated for its effects). */
    Lvalue subscript(IASTExpression container, IASTExpression index, Type elementType, SourceLoc where) {
        Lvalue cell = element(lowering.lvalue(container), where);
        lowering.rvalue(index);
        return cell != null ? cell : new Lvalue.Deref(new Expr.Opaque("container element", lowering.pointer(elementType)), 0, elementType, where);
    }

    /**
     * A member call on a container. Members returning an element reference yield the element's
     * address (the caller dereferences a reference result); others yield an unknown value.
     */
    Expr call(IASTFunctionCallExpression c, IASTFieldReference fr, SourceLoc where) {
        String name = fr.getFieldName().getLastName().toString();
        IASTExpression owner = fr.getFieldOwner();
        Lvalue object = fr.isPointerDereference()
                ? new Lvalue.Deref(lowering.rvalue(owner), 0, Type.pointee(lowering.typeOf(owner)), where)
                : lowering.lvalue(owner);
        IASTInitializerClause[] args = c.getArguments();
        if ("array".equals(stdClass(owner.getExpressionType(), fr.isPointerDereference()))) {
            return arrayCall(c, name, object, args, where);
        }
        Expr last = null;
        for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) last = lowering.smart().handedOver(e, where);
        Lvalue storage = storage(object, where);
        // the old elements matter unless the call stores the element (the cell holds the last one) or clears
        boolean stores = (STORES.contains(name) || "assign".equals(name)) && last != null;
        if (storage != null && INVALIDATING.contains(name)) moveElement(storage, !stores && !"clear".equals(name), true, where);
        Lvalue cell = element(object, where);
        Type result = lowering.typeOf(c);
        if (stores && cell != null && name.startsWith("emplace") && cell.type() instanceof Type.Struct
                && (args.length != 1 || !(args[0] instanceof IASTExpression e0) || !cell.type().equals(lowering.typeOf(e0)))) {
            // an element constructed in place from other values: a constructor the analysis does not pick receives them
            lowering.classes.constructUnresolved(new Expr.AddressOf(cell, lowering.pointer(cell.type())), args, where);
        } else if (stores && cell != null && last.type() instanceof Type.Struct && !last.type().equals(cell.type())) {
            // a map's insert({k, v}): the element comes out of a pair the analysis does not take apart
            lowering.classes.writeUnknown(cell, "element stored from a pair", where);
        } else if (stores && cell != null) {
            lowering.emit(new Stmt.Assign(cell, lowering.convert(last, cell.type()), where));
        } else if (storage != null && "clear".equals(name) && cell != null) {
            lowering.classes.writeUnknown(cell, "element of a cleared container", where);
        }
        if (ELEMENT_REFERENCES.contains(name)) {
            if (cell != null) return new Expr.AddressOf(cell, lowering.pointer(cell.type()));
            return new Expr.Opaque("container element", lowering.pointer(result));
        }
        if (result instanceof Type.Void) return new Expr.IntConst(0, Type.VOID);
        if (storage != null && ITERATORS.contains(name) && result instanceof Type.Pointer) {
            return lowering.convert(new Expr.Load(storage, storage.type()), result);
        }
        return new Expr.Opaque("container " + name, result);
    }

    /** The elements of a {@code std::array} object (an array of N), or null when its type is not the prelude's. */
    private static Lvalue elements(Lvalue array, SourceLoc where) {
        if (!(array.type() instanceof Type.Struct s) || s.field(ELEMENTS) == null || !(s.field(ELEMENTS).type() instanceof Type.Array)) return null;
        Type.Field f = s.field(ELEMENTS);
        if (array instanceof Lvalue.Deref d) return new Lvalue.Deref(d.pointer(), d.byteOffset() + f.offset(), f.type(), where);
        return new Lvalue.Field(array, ELEMENTS, f.offset(), f.type(), where);
    }

    /** {@code a[i]} of a {@code std::array}: element i of its N, unchecked as the standard says. */
    Lvalue arraySubscript(IASTExpression array, IASTExpression index, Type elementType, SourceLoc where) {
        Lvalue elems = elements(lowering.lvalue(array), where);
        Expr i = lowering.rvalue(index);
        if (elems == null) return new Lvalue.Deref(new Expr.Opaque("array element", lowering.pointer(elementType)), 0, elementType, where);
        return new Lvalue.Index(elems, i, ((Type.Array) elems.type()).element(), where);
    }

    /**
     * A member call on a {@code std::array}: {@code at(i)} continues only where i is below N (it throws
     * otherwise); {@code front}, {@code back}, {@code data}, {@code begin} and {@code end} are
     * addresses of elements (back() of an empty array is out of bounds); {@code size} is N.
     */
    private Expr arrayCall(IASTFunctionCallExpression c, String name, Lvalue object, IASTInitializerClause[] args, SourceLoc where) {
        Lvalue elems = elements(object, where);
        List<Expr> values = new ArrayList<>();
        for (IASTInitializerClause a : args) if (a instanceof IASTExpression e) values.add(lowering.rvalue(e));
        Type result = lowering.typeOf(c);
        if (elems == null || !(elems.type() instanceof Type.Array at) || at.length() < 0) {
            if (elems != null && "fill".equals(name)) lowering.classes.writeUnknown(elems, "filled array", where);
            return result instanceof Type.Void ? new Expr.IntConst(0, Type.VOID) : new Expr.Opaque("array " + name, result);
        }
        Type elem = at.element(), size = lowering.model().sizeT();
        long n = at.length();
        Expr first = new Expr.AddressOf(elems, lowering.pointer(elem));
        switch (name) {
            case "at" -> {
                if (values.isEmpty()) break;
                Expr i = lowering.convert(values.get(0), size);
                lowering.emit(new Stmt.Assume(new Expr.Binary(Expr.BinOp.LT, i, new Expr.IntConst(n, size), Type.INT, 1), true, where));
                return new Expr.AddressOf(new Lvalue.Index(elems, i, elem, where), lowering.pointer(elem));
            }
            case "front" -> { return new Expr.AddressOf(new Lvalue.Index(elems, new Expr.IntConst(0, size), elem, where), lowering.pointer(elem)); }
            case "back" -> { return new Expr.AddressOf(new Lvalue.Index(elems, new Expr.IntConst(n - 1, size), elem, where), lowering.pointer(elem)); }
            case "data", "begin", "cbegin" -> { return lowering.convert(first, result); }
            case "end", "cend" -> { return lowering.convert(lowering.pointerAdd(first, new Expr.IntConst(n, size), elem), result); }
            case "size", "max_size" -> { return new Expr.IntConst(n, result); }
            case "empty" -> { return new Expr.IntConst(n == 0 ? 1 : 0, result); }
            case "fill" -> {
                lowering.classes.writeUnknown(elems, "filled array", where);
                return new Expr.IntConst(0, Type.VOID);
            }
            default -> { }
        }
        return result instanceof Type.Void ? new Expr.IntConst(0, Type.VOID) : new Expr.Opaque("array " + name, result);
    }
}
