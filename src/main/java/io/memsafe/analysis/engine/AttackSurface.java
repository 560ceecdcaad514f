package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Function;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where untrusted data enters the scanned code besides the C library's input functions: the
 * parameters of its entry functions. A library's attacker speaks through its API: the bytes a caller
 * hands to {@code parse(const uint8_t *buf, size_t len)} and their length are whatever the file or the
 * packet said. Entry functions are
 * <ul>
 * <li>those the user names ({@code --entry GLOB}): each integer parameter is untrusted, and so are the
 *     bytes each pointer-to-bytes parameter designates;</li>
 * <li>inferred: an externally visible function (whether or not the scan calls it too: it is analysed
 *     as a root besides its calls), or a function reached only through a function pointer (a
 *     callback), that takes a buffer and its length — a pointer to
 *     bytes ({@code char}, {@code unsigned char}, {@code void}) followed by an integer parameter (for
 *     {@code void *}, an unsigned one as wide as a pointer, a {@code size_t}) that the function uses as
 *     a length ({@link LengthUses}: not one that only selects an entry of a table, such as an interlace
 *     pass number), or never reads at all (an output buffer's size the function ignores). The buffer's
 *     bytes and the length are untrusted.</li>
 * <li>driver entry points ({@link DriverEntryPoints}): Windows dispatch routines and KMDF queue
 *     callbacks, whose I/O request carries the caller's buffers and lengths, and Linux ioctl handlers.</li>
 * </ul>
 * An untrusted value is reported only where no check on the path bounds it ({@link Refinement}): a
 * test against any bound caps it, as Smatch's kernel user-data tracking does, which keeps a wide
 * attack surface quiet on code that checks what it receives.
 */
public final class AttackSurface {
    private final List<Pattern> entries;

    public AttackSurface(List<String> entryGlobs) {
        List<Pattern> p = new ArrayList<>();
        for (String g : entryGlobs) p.add(glob(g));
        this.entries = List.copyOf(p);
    }

    private static Pattern glob(String g) {
        StringBuilder sb = new StringBuilder();
        for (char ch : g.toCharArray()) {
            switch (ch) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(sb.toString());
    }

    /** Does the user name this function as an entry point? */
    boolean named(Function fn) {
        for (Pattern p : entries) if (p.matcher(fn.name).matches()) return true;
        return false;
    }

    /**
     * The untrusted parameters of a root: by index, what each one holds. Empty for a function that is
     * no entry point. {@code callback}: the function is reached only through a function pointer.
     */
    Map<Integer, String> untrustedParameters(Function fn, boolean callback) {
        Map<Integer, String> out = new TreeMap<>();
        if (named(fn)) {
            for (int i = 0; i < fn.params.size(); i++) {
                Type t = fn.params.get(i).type;
                if (t instanceof Type.Int it && it.size() > 1) out.put(i, "parameter");
                else if (bytePointee(t) != null) out.put(i, "buffer");
            }
            // a buffer beside its length or its end, as in an entry point the scan infers: that many bytes (the
            // length is still any value its type holds that is not negative)
            pairs(fn, out);
            return out;
        }
        if (fn.name.equals("main")) return out;
        if (callback || !fn.isStatic) {
            DriverEntryPoints.roles(fn, out);
            if (!out.isEmpty()) return out;
        }
        // (nor one the library keeps to itself: hidden from the code it is linked with)
        if ((fn.isStatic || fn.hidden) && !callback) return out;
        pairs(fn, out);
        return out;
    }

    /** Marks each byte buffer parameter followed by its length or by the end of its bytes, and that length or end. */
    private static void pairs(Function fn, Map<Integer, String> out) {
        for (int i = 0; i + 1 < fn.params.size(); i++) {
            // a void * followed by an int is as often an opaque handle and a flag, an enum or a file offset
            // (a callback's user data and a signed curl_off_t): a void * buffer's length is a size_t, an
            // unsigned integer as wide as a pointer
            Type.Int b = bytePointee(fn.params.get(i).type);
            // (size_t is as wide as the pointer: 8 bytes on LP64 and LLP64, 4 on ILP32)
            long sizeT = fn.params.get(i).type instanceof Type.Pointer p ? p.size() : 8;
            boolean voidBuffer = fn.params.get(i).type instanceof Type.Pointer p && p.pointee() instanceof Type.Void;
            if (b != null && fn.params.get(i + 1).type instanceof Type.Int len && len.size() > 1
                    && (!voidBuffer || (len.size() >= sizeT && !len.signed()))
                    && LengthUses.usedAsLength(fn, fn.params.get(i + 1), fn.params.get(i))) {
                out.put(i, "buffer");
                out.put(i + 1, "length");
            } else if (b != null && !"end".equals(out.get(i)) && bytePointee(fn.params.get(i + 1).type) instanceof Type.Int e && e.size() == b.size()
                    && !voidBuffer && LengthUses.usedAsEnd(fn, fn.params.get(i), fn.params.get(i + 1))) {
                // a buffer and the end of its bytes ({@code parse(const char *ptr, const char *end)})
                out.put(i, "buffer");
                out.put(i + 1, "end");
            }
        }
    }

    /** The bytes an entry point's buffer parameter designates (the regions {@link #bind} makes). */
    public static boolean isInput(Region r) { return r.key.startsWith(INPUT); }

    private static final String INPUT = "in:";

    /** The byte type a pointer parameter designates (void counts as unsigned bytes), or null. */
    private static Type.Int bytePointee(Type t) {
        if (!(t instanceof Type.Pointer p)) return null;
        if (p.pointee() instanceof Type.Void) return new Type.Int(1, false, false);
        return p.pointee() instanceof Type.Int i && i.size() == 1 ? i : null;
    }

    /** Binds the untrusted parameters of an entry point in its initial state. */
    void bind(Interpreter in, Function fn, Map<Integer, String> untrusted, State s) {
        Map<Integer, Region> buffers = new TreeMap<>();
        for (Map.Entry<Integer, String> e : untrusted.entrySet()) {
            Variable p = fn.params.get(e.getKey());
            String role = e.getValue();
            Value v;
            if (role.equals("irp")) {
                v = DriverEntryPoints.request(in, fn, p, s);
            } else if (role.equals("wdf request")) {
                v = DriverEntryPoints.wdfRequest(fn, p, s);
            } else if (role.equals("genl")) {
                v = NetlinkRequests.info(in, fn, p, s);
            } else if (role.equals("lent")) {
                v = DriverEntryPoints.lent(fn, p, s);
            } else if (role.equals("user")) {
                v = UserMemory.region("ubuf:" + fn.unit + ":" + fn.name + ":" + p.name, "the user buffer '" + p.name + "' of " + fn.name + "()", fn.loc, s);
            } else if (role.equals("position")) {
                v = DriverEntryPoints.position(fn, p, s);
            } else if (role.equals("page")) {
                v = DriverEntryPoints.page(fn, p, s);
            } else if (role.equals("end")) {
                // where the bytes of the buffer before it end: a place in the same input, as far as its length says
                Region r = buffers.get(e.getKey() - 1);
                v = r == null ? Value.UNKNOWN : Value.pointer(r, Interval.of(0, Interval.POS_INF))
                        .withTaint(new Origin("end pointer '" + p.name + "' of entry point " + fn.name + "()", fn.loc));
            } else if (role.equals("buffer")) {
                Type.Int b = bytePointee(p.type);
                Origin o = new Origin("the bytes of input buffer '" + p.name + "' of entry point " + fn.name + "()", fn.loc);
                Region r = new Region(INPUT + fn.unit + ":" + fn.name + ":" + p.name, Region.Kind.UNKNOWN, Value.UNKNOWN,
                        "input buffer '" + p.name + "' of " + fn.name + "()", fn.loc, "input");
                Interval bytes = b.signed() ? Interval.of(-128, 127) : Interval.of(0, 255);
                // a string with no length beside it, in an entry point the user names: the caller chooses where it
                // ends, as with argv (an inferred entry point's buffer always has its length or end beside it)
                String next = untrusted.get(e.getKey() + 1);
                Value nul = named(fn) && !"length".equals(next) && !"end".equals(next)
                        ? new Value(Interval.of(0, Interval.POS_INF), Map.of(), false,
                                new Origin("the length of input string '" + p.name + "' of entry point " + fn.name + "()", fn.loc)) : Value.UNKNOWN;
                s.set(r, new Contents(new TreeMap<>(), Value.tainted(bytes, o), nul));
                buffers.put(e.getKey(), r);
                v = Value.pointer(r, Interval.ZERO);
            } else {
                Type.Int it = (Type.Int) p.type;
                Interval range = Interval.ofType(it.size(), it.signed());
                // a length is not negative; a parameter the user names may be anything its type holds
                if (role.equals("length")) range = range.meet(Interval.of(0, Interval.POS_INF));
                // what the kernel lets through: a read or write count, the bytes written to a sysfs file
                if (role.equals("count")) range = range.meet(Interval.of(0, DriverEntryPoints.MAX_RW_COUNT));
                if (role.equals("page length")) range = range.meet(Interval.of(0, DriverEntryPoints.PAGE_SIZE - 1));
                String what = role.equals("parameter") ? "parameter '" : role.equals("count") ? "count parameter '" : role.equals("address argument") ? "argument '" : "length parameter '";
                String of = role.equals("address argument") ? DriverEntryPoints.ADDRESS_ARGUMENT : "' of entry point ";
                v = Value.tainted(range, new Origin(what + p.name + of + fn.name + "()", fn.loc));
            }
            Region r = in.region(p, fn);
            s.set(r, Contents.uninitialized().store(Interval.ZERO, Math.max(1, p.type.size()), v, true));
        }
        // a buffer and its length: the buffer holds as many bytes as the length says, for the relations
        for (Map.Entry<Integer, Region> b : buffers.entrySet()) {
            String next = untrusted.get(b.getKey() + 1);
            if ("length".equals(next) || "page length".equals(next)) BlockCounts.inputLength(in, fn, b.getValue(), fn.params.get(b.getKey() + 1), s);
            if ("end".equals(next)) BlockCounts.inputEnd(in, fn, b.getValue(), fn.params.get(b.getKey() + 1), s);
        }
    }

    /**
     * A function the scan has no body of, handed a pointer into bytes that came from untrusted input
     * ({@code rd32(&msg[44])}, the project's own {@code get_be16}): the integer it returns is read from
     * that input, as one assembled there would be. The origin names the function and the bytes.
     */
    static Origin readFromInput(String name, List<Value> args, SourceLoc loc, State s) {
        for (Value a : args) {
            if (a.pts.size() != 1) continue;
            Map.Entry<Region, Interval> t = a.pts.entrySet().iterator().next();
            if (!t.getValue().isSingleton() || t.getValue().lo() < 0) continue;
            Value bytes = s.contents(t.getKey()).load(t.getValue(), 1);
            if (bytes.taint != null && bytes.pts.isEmpty()) {
                return new Origin("the integer " + name + "()" + WireFormat.RETURNED_FROM_BYTES + t.getKey().description + " (its body is not in the scan)", loc);
            }
        }
        return null;
    }
}
