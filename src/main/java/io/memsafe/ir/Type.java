package io.memsafe.ir;

import java.util.List;

/**
 * C types as the analysis needs them: sizes in bytes, element types, and struct layout. The front end
 * gives integer and pointer types the sizes of the unit's {@link DataModel}; the constants below
 * are the widths every model shares, and LP64's long for the analysis's own synthetic values.
 */
public sealed interface Type extends java.io.Serializable {
    /** sizeof in bytes; -1 when unknown (incomplete type, variable-length array). */
    long size();

    record Void() implements Type { public long size() { return 1; } }
    record Int(long size, boolean signed, boolean isChar) implements Type { }
    record Float(long size) implements Type { }
    /** size: the pointer's own width (8 on LP64 and LLP64, 4 on ILP32). */
    record Pointer(Type pointee, long size) implements Type {
        /** A 64-bit pointer: for values the analysis makes up itself, never for a unit's types. */
        public Pointer(Type pointee) { this(pointee, 8); }
    }
    /** length -1: unknown (flexible or VLA). */
    record Array(Type element, long length) implements Type {
        public long size() { return length < 0 || element.size() < 0 ? -1 : length * element.size(); }
    }
    record Field(String name, Type type, long offset) implements java.io.Serializable { }
    record Struct(String name, List<Field> fields, long size, boolean union) implements Type {
        /**
         * The member of the prelude's vector that points to the block holding its element cell, the one cell
         * that stands for every element.
         */
        public static final String CONTAINER_STORAGE = "__memsafe_storage";

        public Field field(String fieldName) {
            for (Field f : fields) if (f.name().equals(fieldName)) return f;
            // a member of an anonymous union or structure member (`union { int i; float x; };`) is a
            // member of this one, at the anonymous member's place plus its own
            for (Field f : fields) {
                if (!f.name().isEmpty() || !(f.type() instanceof Struct inner)) continue;
                Field m = inner.field(fieldName);
                if (m != null) return new Field(m.name(), m.type(), f.offset() + m.offset());
            }
            return null;
        }

        /** The name of the member at byte {@code offset}, in this structure or a structure member of it; null when none starts there. */
        public String memberAt(long offset) {
            for (Field f : fields) {
                if (f.offset() == offset && !(f.type() instanceof Struct)) return f.name();
                if (f.type() instanceof Struct inner && offset >= f.offset() && offset < f.offset() + Math.max(1, inner.size())) {
                    String n = inner.memberAt(offset - f.offset());
                    if (n != null) return n;
                }
            }
            return null;
        }
        @Override public String toString() { return (union ? "union " : "struct ") + name; }
    }
    record Function(Type returnType, List<Type> params, boolean varargs) implements Type {
        public long size() { return 1; }
    }
    /** A type the front end could not resolve (missing header, template): treated as unknown. */
    record Unknown() implements Type { public long size() { return -1; } }

    Type VOID = new Void();
    Type UNKNOWN = new Unknown();
    Int CHAR = new Int(1, true, true);
    Int INT = new Int(4, true, false);
    Int UINT = new Int(4, false, false);
    Int LONG = new Int(8, true, false);
    Int ULONG = new Int(8, false, false);
    Int BOOL = new Int(1, false, false);

    static boolean isPointerLike(Type t) { return t instanceof Pointer || t instanceof Array || t instanceof Function; }

    static boolean isScalarInt(Type t) { return t instanceof Int; }

    /** The type pointed to by a pointer, or the element of an array; null otherwise. */
    static Type pointee(Type t) {
        if (t instanceof Pointer p) return p.pointee();
        if (t instanceof Array a) return a.element();
        return null;
    }

    static String show(Type t) {
        return switch (t) {
            case Void v -> "void";
            case Int i -> i.isChar() && i.size() == 4 ? "wchar_t" : i.isChar() && i.size() == 2 ? "char16_t"
                    : i.isChar() ? (i.signed() ? "char" : "unsigned char")
                    : (i.signed() ? "" : "unsigned ") + switch ((int) i.size()) { case 1 -> "char"; case 2 -> "short"; case 4 -> "int"; default -> "long"; };
            case Float f -> f.size() == 4 ? "float" : "double";
            case Pointer p -> show(p.pointee()) + " *";
            // C writes the outer dimension first: char[3][10] is 3 arrays of 10
            case Array a -> {
                Type inner = a.element();
                StringBuilder dims = new StringBuilder("[" + (a.length() < 0 ? "" : a.length()) + "]");
                while (inner instanceof Array in) {
                    dims.append('[').append(in.length() < 0 ? "" : in.length()).append(']');
                    inner = in.element();
                }
                yield show(inner) + dims;
            }
            case Struct s -> s.toString();
            case Function f -> "function";
            case Unknown u -> "?";
        };
    }
}
