package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Function;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Driver entry points, recognised from the code: the functions the kernel calls on a user's
 * request, with what the request says. As in CodeQL's Windows driver pack, each untrusted buffer is
 * described once, with the field that gives its length and how far it can be trusted:
 * <table>
 * <tr><th>where</th><th>what</th><th>trust</th></tr>
 * <tr><td>{@code Irp->AssociatedIrp.SystemBuffer}</td><td>METHOD_BUFFERED copy of the caller's bytes,
 *     max(InputBufferLength, OutputBufferLength) bytes</td><td>kernel memory, untrusted bytes</td></tr>
 * <tr><td>{@code Parameters.DeviceIoControl.Type3InputBuffer}</td><td>METHOD_NEITHER input, InputBufferLength bytes</td>
 *     <td>user address: probe before use</td></tr>
 * <tr><td>{@code Irp->UserBuffer}</td><td>METHOD_NEITHER output, OutputBufferLength bytes</td><td>user address</td></tr>
 * <tr><td>{@code InputBufferLength}, {@code OutputBufferLength}, {@code IoControlCode}, {@code Read/Write.Length}</td>
 *     <td>the caller's numbers</td><td>untrusted</td></tr>
 * </table>
 * Entry points are the functions reached through a function pointer (stored in
 * {@code DriverObject->MajorFunction[]}, a KMDF queue configuration, a {@code file_operations} table)
 * or never called by the scanned code, whose parameters have the entry point's shape:
 * <ul>
 * <li>a pointer to an {@code IRP}: a WDM dispatch routine; its request is bound as above;</li>
 * <li>a {@code WDFREQUEST} followed by integers: a KMDF queue callback (EvtIoDeviceControl, EvtIoWrite,
 *     EvtIoRead); the integers are the request's lengths and code. Its buffers come from
 *     {@code WdfRequestRetrieveInputBuffer} and friends (kernel models);</li>
 * <li>{@code (struct file *, unsigned int, unsigned long)}: a Linux {@code unlocked_ioctl}/
 *     {@code compat_ioctl} handler; the command and the argument are the caller's;</li>
 * <li>{@code (struct file *, char __user *, size_t, loff_t *)}: a {@code read}/{@code write} routine; the
 *     buffer is a user address, the count the caller's (at most MAX_RW_COUNT) and so is the file position;</li>
 * <li>{@code (T *, struct X_attribute *, const char *buf, size_t count)}: a sysfs {@code store}; buf holds
 *     the count bytes written to the file, fewer than a page; {@code (T *, struct X_attribute *, char *buf)}:
 *     a sysfs {@code show}, which may fill one page and no more;</li>
 * <li>{@code (struct sk_buff *, struct genl_info *)}: a generic netlink {@code .doit} handler; the request's
 *     attributes are the sender's, as far as the family's policy did not check them ({@link NetlinkRequests});</li>
 * <li>a system call's body ({@code SYSCALL_DEFINEn} in the bundled prelude names it {@code __do_sys_NAME}, as
 *     the kernel's own macros do): every integer argument is the caller's, every pointer a user address.</li>
 * </ul>
 */
final class DriverEntryPoints {
    private DriverEntryPoints() { }

    /** How the origin of an ioctl's argument reads: a number, or the address of the caller's data ({@link #userAddress}). */
    static final String ADDRESS_ARGUMENT = "' (a number or a user-space address) of entry point ";

    /**
     * Is a value with this origin an ioctl's argument? Converted to a pointer it is an address in the
     * caller's memory ({@code (void __user *)arg}): a user region, the same one each time it is converted.
     */
    static boolean userAddress(Origin o) { return o != null && o.wrap() == null && o.what().contains(ADDRESS_ARGUMENT); }

    /** The user memory an ioctl's argument designates once converted to a pointer. */
    static Value userAddressRegion(Origin o, State s) {
        return UserMemory.region("arg:" + o.loc() + ":" + o.what(), "the user memory at " + o.what().substring(0, o.what().indexOf(ADDRESS_ARGUMENT) + 1)
                + " of " + o.what().substring(o.what().indexOf(ADDRESS_ARGUMENT) + ADDRESS_ARGUMENT.length()), o.loc(), s);
    }

    /** The family of a request's buffers, whose bytes go back to the requester when it completes. */
    static final String REQUEST = Region.REQUEST_BUFFER;

    /** Adds the untrusted parameters of {@code fn} when it has a driver entry point's shape. */
    static void roles(Function fn, Map<Integer, String> out) {
        List<Variable> ps = fn.params;
        for (int i = 0; i < ps.size(); i++) {
            if (structPointee(ps.get(i).type, "_IRP", "IRP") != null) {
                out.put(i, "irp");
                return;
            }
        }
        for (int i = 0; i < ps.size(); i++) {
            if (structPointee(ps.get(i).type, "WDFREQUEST__") != null) {
                out.put(i, "wdf request");
                for (int j = i + 1; j < ps.size(); j++) if (ps.get(j).type instanceof Type.Int it && it.size() >= 4) out.put(j, "parameter");
                return;
            }
        }
        // DRIVER_INITIALIZE (DriverEntry): the registry path is the I/O manager's, freed after the routine returns
        if (ps.size() == 2 && structPointee(ps.get(0).type, "_DRIVER_OBJECT", "DRIVER_OBJECT") != null
                && structPointee(ps.get(1).type, "_UNICODE_STRING", "UNICODE_STRING") != null) {
            out.put(1, "lent");
            return;
        }
        if (ps.size() == 3 && structPointee(ps.get(0).type, "file") != null && ps.get(1).type instanceof Type.Int
                && ps.get(2).type instanceof Type.Int) {
            out.put(1, "parameter");
            out.put(2, "address argument");
            return;
        }
        // a generic netlink .doit handler: the request's attributes are the sender's, checked by the family's policy
        if (NetlinkRequests.handler(fn)) {
            out.put(1, "genl");
            return;
        }
        // a system call's body (SYSCALL_DEFINEn): each integer is the caller's, each pointer a user address
        if (fn.name.startsWith("__do_sys_")) {
            for (int i = 0; i < ps.size(); i++) {
                if (ps.get(i).type instanceof Type.Int it && it.size() > 1) out.put(i, "parameter");
                else if (ps.get(i).type instanceof Type.Pointer) out.put(i, "user");
            }
            return;
        }
        // file_operations read/write: the caller's address, count and file position
        if (ps.size() == 4 && structPointee(ps.get(0).type, "file") != null && bytePointer(ps.get(1).type)
                && ps.get(2).type instanceof Type.Int && ps.get(3).type instanceof Type.Pointer pos && pos.pointee() instanceof Type.Int pi && pi.size() == 8) {
            out.put(1, "user");
            out.put(2, "count");
            out.put(3, "position");
            return;
        }
        // sysfs attributes (device, kobject, class, driver, bus): store receives the bytes written to the file,
        // fewer than a page; show fills one page
        if ((ps.size() == 4 || ps.size() == 3) && ps.get(0).type instanceof Type.Pointer && attribute(ps.get(1).type) && bytePointer(ps.get(2).type)) {
            if (ps.size() == 4 && ps.get(3).type instanceof Type.Int) {
                out.put(2, "buffer");
                out.put(3, "page length");
            } else if (ps.size() == 3) {
                out.put(2, "page");
            }
        }
    }

    /** The largest count a read or write system call passes on (MAX_RW_COUNT: INT_MAX rounded down to a page). */
    static final long MAX_RW_COUNT = 0x7ffff000L;
    /** A page: what a sysfs show routine may fill, and more than a store routine receives. */
    static final long PAGE_SIZE = 4096;

    private static boolean bytePointer(Type t) {
        return t instanceof Type.Pointer p && p.pointee() instanceof Type.Int i && i.size() == 1;
    }

    /** A pointer to a sysfs attribute descriptor ({@code struct device_attribute}, {@code kobj_attribute}, ...). */
    private static boolean attribute(Type t) {
        return t instanceof Type.Pointer p && p.pointee() instanceof Type.Struct st && st.name() != null && st.name().endsWith("attribute");
    }

    /** The page a sysfs show routine fills: {@link #PAGE_SIZE} bytes of the kernel's, zeroed. */
    static Value page(Function fn, Variable p, State s) {
        Region r = new Region("page:" + fn.unit + ":" + fn.name, Region.Kind.HEAP, Value.of(PAGE_SIZE),
                "the page '" + p.name + "' that " + fn.name + "() fills (" + PAGE_SIZE + " bytes)", fn.loc, "sysfs");
        s.set(r, new Contents(new TreeMap<>(), Value.ZERO, Value.UNKNOWN));
        return Value.pointer(r, Interval.ZERO);
    }

    /** The file position a read or write routine receives: the caller's (lseek, pread), never negative. */
    static Value position(Function fn, Variable p, State s) {
        Region r = new Region("pos:" + fn.unit + ":" + fn.name, Region.Kind.UNKNOWN, Value.of(8),
                "the file position '*" + p.name + "' of " + fn.name + "()", fn.loc, "input");
        Origin o = new Origin("the file position '*" + p.name + "' of " + fn.name + "() (the caller's, through lseek or pread)", fn.loc);
        s.set(r, Contents.uninitialized().store(Interval.ZERO, 8, Value.tainted(Interval.of(0, Long.MAX_VALUE), o), true));
        return Value.pointer(r, Interval.ZERO);
    }

    /** Is {@code fn} a handler of users' requests (a dispatch routine, a KMDF queue callback, an ioctl handler)? */
    static boolean handlesRequests(Function fn) {
        Map<Integer, String> roles = new TreeMap<>();
        roles(fn, roles);
        return !roles.isEmpty() && !roles.containsValue("lent");
    }

    /**
     * Memory the caller lends an entry point for the call only (a DriverEntry's registry path): storage of
     * the routine's frame as far as lifetimes go, so an address of it kept past the return is reported.
     */
    static Value lent(Function fn, Variable p, State s) {
        Region r = new Region(Interpreter.frameKeys(fn) + "*" + p.name, Region.Kind.UNKNOWN, Value.UNKNOWN,
                "'*" + p.name + "' (lent to " + fn.name + "() for the call only)", fn.loc, "lent");
        s.set(r, Contents.uninitialized());
        return Value.pointer(r, Interval.ZERO);
    }

    /** Does this load read an IRP's {@code RequestorMode} ({@code Irp->RequestorMode})? */
    static boolean requestorMode(io.memsafe.ir.Lvalue lv) {
        if (!(lv instanceof io.memsafe.ir.Lvalue.Deref d) || !(structPointee(d.pointer().type(), "_IRP", "IRP") instanceof Type.Struct irp)) return false;
        Type.Field f = irp.field("RequestorMode");
        return f != null && f.offset() == d.byteOffset();
    }

    static Type.Struct structPointee(Type t, String... names) {
        if (t instanceof Type.Pointer p && p.pointee() instanceof Type.Struct st) {
            for (String n : names) if (n.equals(st.name())) return st;
        }
        return null;
    }

    /**
     * The I/O request a dispatch routine receives: an IRP whose current stack location holds the
     * caller's lengths and code and its METHOD_NEITHER input address, whose system buffer holds the
     * caller's bytes and whose user buffer is the caller's output address.
     */
    static Value request(Interpreter in, Function fn, Variable irpParam, State s) {
        Type.Struct irpType = structPointee(irpParam.type, "_IRP", "IRP");
        String id = fn.unit + ":" + fn.name;
        Region irp = new Region("irp:" + id, Region.Kind.UNKNOWN, Value.UNKNOWN, "the I/O request of " + fn.name + "()", fn.loc, "input");
        Contents c = new Contents(new TreeMap<>(), Value.UNKNOWN, Value.UNKNOWN);

        Region system = new Region("sysbuf:" + id, Region.Kind.UNKNOWN, Value.UNKNOWN,
                "the system buffer of the request to " + fn.name + "()", fn.loc, REQUEST);
        Origin bytes = new Origin("the bytes of the system buffer of the request to " + fn.name + "()", fn.loc);
        s.set(system, new Contents(new TreeMap<>(), Value.tainted(Interval.of(-128, 255), bytes), Value.UNKNOWN));
        c = storeField(c, irpType, "AssociatedIrp.SystemBuffer", Value.pointer(system, Interval.ZERO));
        c = storeField(c, irpType, "UserBuffer", UserMemory.region("userbuf:" + id, "the user buffer of the request to " + fn.name + "()", fn.loc, s));

        Type.Struct stackType = pointee(member(irpType, "Tail.Overlay.CurrentStackLocation") instanceof Member m ? m.type() : null);
        if (stackType != null) {
            Region stack = new Region("irpsp:" + id, Region.Kind.UNKNOWN, Value.UNKNOWN,
                    "the stack location of the request to " + fn.name + "()", fn.loc, "input");
            Contents sc = new Contents(new TreeMap<>(), Value.UNKNOWN, Value.UNKNOWN);
            for (String len : List.of("OutputBufferLength", "InputBufferLength", "IoControlCode")) {
                Origin o = new Origin("Parameters.DeviceIoControl." + len + " of the request to " + fn.name + "()", fn.loc);
                sc = storeField(sc, stackType, "Parameters.DeviceIoControl." + len, Value.tainted(Interval.of(0, 0xffffffffL), o));
            }
            sc = storeField(sc, stackType, "Parameters.DeviceIoControl.Type3InputBuffer",
                    UserMemory.region("type3:" + id, "the METHOD_NEITHER input buffer of the request to " + fn.name + "()", fn.loc, s));
            s.set(stack, sc);
            c = storeField(c, irpType, "Tail.Overlay.CurrentStackLocation", Value.pointer(stack, Interval.ZERO));
            // the system buffer holds max(InputBufferLength, OutputBufferLength) bytes (the output length's
            // member is also Read.Length and Write.Length, the buffered read's and write's size)
            for (String len : List.of("OutputBufferLength", "InputBufferLength")) {
                Member m = member(stackType, "Parameters.DeviceIoControl." + len);
                if (m != null) BufferLengths.atLeast(in, system, stack, m.offset(), 4, s);
            }
        }
        s.set(irp, c);
        return Value.pointer(irp, Interval.ZERO);
    }

    /**
     * The KMDF request a queue callback receives: an opaque handle, one block per callback, so the
     * buffers retrieved from it are known to be its own when it is completed.
     */
    static Value wdfRequest(Function fn, Variable p, State s) {
        Region rq = new Region("wdfrq:" + fn.unit + ":" + fn.name, Region.Kind.UNKNOWN, Value.UNKNOWN,
                "the request '" + p.name + "' of " + fn.name + "()", fn.loc, "input");
        s.set(rq, new Contents(new TreeMap<>(), Value.UNKNOWN, Value.UNKNOWN));
        return Value.pointer(rq, Interval.ZERO);
    }

    private static Type.Struct pointee(Type t) {
        return t instanceof Type.Pointer p && p.pointee() instanceof Type.Struct st ? st : null;
    }

    /** A member at a dotted path: its offset in the outer structure and its type. */
    private record Member(long offset, Type type) { }

    /** The member at a dotted path, or null when the layout has no such member. */
    private static Member member(Type.Struct st, String path) {
        Type t = st;
        long off = 0;
        for (String name : path.split("\\.")) {
            if (!(t instanceof Type.Struct cur) || cur.field(name) == null) return null;
            off += cur.field(name).offset();
            t = cur.field(name).type();
        }
        return new Member(off, t);
    }

    /** {@code c} with {@code v} stored at the member at a dotted path; unchanged when there is no such member. */
    static Contents storeField(Contents c, Type.Struct st, String path, Value v) {
        if (st == null) return c;
        Member m = member(st, path);
        return m == null ? c : c.store(Interval.of(m.offset()), Math.max(1, m.type().size()), v, true);
    }
}
