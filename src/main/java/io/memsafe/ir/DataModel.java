package io.memsafe.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The widths of C's integer and pointer types on a target: one row per model, the only place type
 * sizes are written down. LP64 is Linux, macOS and the BSDs on 64-bit machines; LLP64 is 64-bit
 * Windows (long stays 4 bytes, wchar_t is 2); ILP32 is every 32-bit target (i386, 32-bit ARM,
 * 32-bit Windows, x32). Struct layout of 8-byte scalars follows the i386 System V ABI under ILP32
 * (long long and double are 4-aligned inside structs), the most common {@code -m32} target.
 *
 * <p>The front end gives CDT the sizes as GCC's predefined macros ({@code __SIZEOF_LONG__},
 * {@code __SIZE_TYPE__}, ...), so that constant expressions CDT evaluates and the bundled preludes'
 * typedefs ({@code size_t}, {@code intptr_t}, {@code SIZE_T}) agree with the sizes the IR gets.
 */
public enum DataModel {
    //        long ptr wchar wchar-signed long-double align-of-8-byte-scalars
    LP64(8, 8, 4, true, 16, 8),
    LLP64(4, 8, 2, false, 8, 8),
    ILP32(4, 4, 4, true, 12, 4);

    public final int longSize, pointerSize, wcharSize, longDoubleSize, eightByteAlign;
    public final boolean wcharSigned;

    DataModel(int longSize, int pointerSize, int wcharSize, boolean wcharSigned, int longDoubleSize, int eightByteAlign) {
        this.longSize = longSize;
        this.pointerSize = pointerSize;
        this.wcharSize = wcharSize;
        this.wcharSigned = wcharSigned;
        this.longDoubleSize = longDoubleSize;
        this.eightByteAlign = eightByteAlign;
    }

    /** The model of the machine memsafe runs on, for compile entries whose flags name no target. */
    public static DataModel host() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? LLP64 : LP64;
    }

    /** LP64, LLP64 or ILP32 in any case; null for anything else. */
    public static DataModel parse(String name) {
        if (name == null) return null;
        for (DataModel m : values()) if (m.name().equalsIgnoreCase(name.trim())) return m;
        return null;
    }

    public Type.Int sizeT() { return new Type.Int(pointerSize, false, false); }

    public Type.Int ptrdiffT() { return new Type.Int(pointerSize, true, false); }

    public Type.Int wchar() { return new Type.Int(wcharSize, wcharSigned, true); }

    public Type.Pointer pointer(Type pointee) { return new Type.Pointer(pointee, pointerSize); }

    /** Alignment of a scalar of {@code size} bytes inside a struct. */
    public long scalarAlign(long size) { return size == 8 ? eightByteAlign : Math.max(1, size); }

    /** The C spelling of the integer type of a width, as GCC's {@code __SIZE_TYPE__} and friends use it. */
    private String spelling(int size, boolean signed) {
        String base = size == 2 ? "short" : size == 4 ? "int" : longSize == 8 ? "long" : "long long";
        return signed ? base : "unsigned " + base;
    }

    private static String max(int size, boolean signed) {
        if (size == 8) return signed ? "9223372036854775807" : "18446744073709551615";
        if (size == 4) return signed ? "2147483647" : "4294967295";
        return signed ? "32767" : "65535";
    }

    /**
     * The macros GCC and Clang predefine for this model's widths: CDT reads {@code __SIZEOF_*__} to
     * evaluate {@code sizeof} in constant expressions, and the bundled preludes build their typedefs
     * and limits from the {@code __*_TYPE__} and {@code __*_MAX__} ones.
     */
    public Map<String, String> predefinedMacros() {
        Map<String, String> m = new LinkedHashMap<>();
        String lsuf = longSize == 8 ? "L" : "LL", usuf = "U" + lsuf;
        for (Object[] d : List.of(new Object[] {"POINTER", pointerSize}, new Object[] {"LONG", longSize}, new Object[] {"INT", 4},
                new Object[] {"SHORT", 2}, new Object[] {"LONG_LONG", 8}, new Object[] {"FLOAT", 4}, new Object[] {"DOUBLE", 8},
                new Object[] {"LONG_DOUBLE", longDoubleSize}, new Object[] {"SIZE_T", pointerSize}, new Object[] {"PTRDIFF_T", pointerSize},
                new Object[] {"WCHAR_T", wcharSize})) {
            m.put("__SIZEOF_" + d[0] + "__", d[1].toString());
        }
        m.put("__SIZE_TYPE__", spelling(pointerSize, false));
        m.put("__PTRDIFF_TYPE__", spelling(pointerSize, true));
        m.put("__INTPTR_TYPE__", spelling(pointerSize, true));
        m.put("__UINTPTR_TYPE__", spelling(pointerSize, false));
        m.put("__INTMAX_TYPE__", spelling(8, true));
        m.put("__UINTMAX_TYPE__", spelling(8, false));
        m.put("__INT64_TYPE__", spelling(8, true));
        m.put("__UINT64_TYPE__", spelling(8, false));
        m.put("__WCHAR_TYPE__", wcharSize == 2 ? "unsigned short" : "int");
        m.put("__INT64_C_SUFFIX__", lsuf);
        m.put("__LONG_MAX__", max(longSize, true) + "L");
        m.put("__SIZE_MAX__", max(pointerSize, false) + (pointerSize == 8 ? usuf : "U"));
        m.put("__PTRDIFF_MAX__", max(pointerSize, true) + (pointerSize == 8 ? lsuf : ""));
        m.put("__INTPTR_MAX__", max(pointerSize, true) + (pointerSize == 8 ? lsuf : ""));
        m.put("__WCHAR_MAX__", wcharSize == 2 ? "65535" : "2147483647");
        m.put("__WCHAR_MIN__", wcharSize == 2 ? "0" : "(-2147483647 - 1)");
        switch (this) {
            case LP64 -> { m.put("__LP64__", "1"); m.put("_LP64", "1"); }
            case LLP64 -> { }
            case ILP32 -> { m.put("__ILP32__", "1"); m.put("_ILP32", "1"); }
        }
        return m;
    }
}
