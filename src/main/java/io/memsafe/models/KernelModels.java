package io.memsafe.models;

import io.memsafe.models.Effect.Fill;
import io.memsafe.models.Effect.Len;
import io.memsafe.models.Effect.ReadBytes;
import io.memsafe.models.Effect.WriteBytes;

import java.util.List;
import java.util.Map;

/**
 * The Linux and Windows kernel APIs as the analysis knows them, in the same form as the C library's
 * table ({@link LibraryModels}): user-memory copies, the slab and pool allocators, probes. The bundled
 * kernel preludes declare these functions (or map them onto the C library: {@code RtlCopyMemory} is
 * {@code memcpy} in the WDK as well); macros such as {@code get_user} expand to the
 * {@code __memsafe_*} helpers named here.
 * <p>Bytes copied in from user space are untrusted, like bytes read from a file: the copy fills its
 * destination with tainted values. A pool or slab block is a heap block of its allocator's family;
 * allocators that zero ({@code kzalloc}, {@code ExAllocatePool2} without
 * {@code POOL_FLAG_UNINITIALIZED}) give zeroed contents.
 */
public final class KernelModels {
    private KernelModels() { }

    private static Len arg(int i) { return new Len.Arg(i, 1); }

    private static void def(Map<String, FunctionModel> m, String name, Returns ret, boolean pure, Effect... effects) {
        m.put(name, new FunctionModel(name, List.of(effects), ret, pure));
    }

    /**
     * The Rtl counted-string routines that allocate the string's buffer: each is the allocation family
     * of its blocks (a leak of one is reported, as of malloc's).
     */
    private static final List<String> ALLOCATES_STRING = List.of("RtlCreateUnicodeString", "RtlDuplicateUnicodeString", "RtlAnsiStringToUnicodeString",
            "RtlUnicodeStringToAnsiString", "RtlUpcaseUnicodeString", "RtlDowncaseUnicodeString");

    /** Is this the allocation family of a counted string's buffer (released by RtlFreeUnicodeString / RtlFreeAnsiString)? */
    public static boolean countedStringBuffer(String family) { return ALLOCATES_STRING.contains(family); }

    /** The functions that copy bytes in from user space (their origin names the data they fill). */
    private static final List<String> COPY_FROM_USER = List.of("copy_from_user", "__copy_from_user", "raw_copy_from_user", "_copy_from_user");

    /**
     * Does an untrusted value with this origin come from user space through a copy function? A pointer
     * among those bytes is an address the user process chose: user memory, as a pointer stored in a
     * METHOD_NEITHER buffer is.
     */
    public static boolean copiedFromUser(io.memsafe.analysis.domain.Origin o) {
        if (o == null || !o.what().endsWith("()")) return false;
        String fn = o.what().substring(0, o.what().length() - 2);
        return COPY_FROM_USER.contains(fn) || fn.equals("__memsafe_get_user") || fn.equals("memdup_user") || fn.equals("vmemdup_user");
    }

    static void addTo(Map<String, FunctionModel> m) {
        Returns notCopied = new Returns.Range(0, Integer.MAX_VALUE, null, 2);
        // ---- Linux: user memory
        for (String n : COPY_FROM_USER) {
            def(m, n, notCopied, false, new WriteBytes(0, arg(2), Fill.TAINTED, -1, 1), new Effect.FetchFromUser(0, 1, arg(2)));
        }
        for (String n : List.of("copy_to_user", "__copy_to_user", "raw_copy_to_user", "_copy_to_user")) {
            def(m, n, notCopied, false, new ReadBytes(1, arg(2)), new Effect.CopyToUser(1, arg(2)));
        }
        def(m, "__memsafe_get_user", new Returns.Range(-14, 0, null, -1), false, new WriteBytes(0, arg(2), Fill.TAINTED, -1, 1),
                new Effect.FetchFromUser(0, 1, arg(2)));
        def(m, "__memsafe_put_user", new Returns.Range(-14, 0, null, -1), false, new ReadBytes(0, arg(2)), new Effect.CopyToUser(0, arg(2)));
        def(m, "strncpy_from_user", new Returns.Range(-14, Integer.MAX_VALUE, "strncpy_from_user", 2), false, new WriteBytes(0, arg(2), Fill.TAINTED, -1, 1));
        def(m, "clear_user", notCopied, true);
        // kstrto*: 0 and the number stored, or -EINVAL / -ERANGE
        Returns parsedStatus = new Returns.Range(-34, 0, null, -1);
        def(m, "kstrtoint", parsedStatus, false, new Effect.ParseInto(0, 2, 4, Integer.MIN_VALUE, Integer.MAX_VALUE));
        def(m, "kstrtos32", parsedStatus, false, new Effect.ParseInto(0, 2, 4, Integer.MIN_VALUE, Integer.MAX_VALUE));
        def(m, "kstrtouint", parsedStatus, false, new Effect.ParseInto(0, 2, 4, 0, 0xffffffffL));
        def(m, "kstrtou32", parsedStatus, false, new Effect.ParseInto(0, 2, 4, 0, 0xffffffffL));
        def(m, "kstrtou16", parsedStatus, false, new Effect.ParseInto(0, 2, 2, 0, 0xffff));
        def(m, "kstrtou8", parsedStatus, false, new Effect.ParseInto(0, 2, 1, 0, 0xff));
        for (String n : List.of("kstrtol", "kstrtoll")) def(m, n, parsedStatus, false, new Effect.ParseInto(0, 2, 8, Long.MIN_VALUE, Long.MAX_VALUE));
        for (String n : List.of("kstrtoul", "kstrtoull")) def(m, n, parsedStatus, false, new Effect.ParseInto(0, 2, 8, 0, Long.MAX_VALUE));
        def(m, "kstrtobool", parsedStatus, false, new Effect.ParseInto(0, 1, 1, 0, 1));
        // mapping an MDL into system space fails under memory pressure: NULL, to be tested before use
        for (String n : List.of("MmGetSystemAddressForMdlSafe", "MmMapLockedPagesSpecifyCache")) def(m, n, new Returns.Allocated(), false, new Effect.MapsBuffer());
        // access_ok is Linux's check that a range lies in user space, as ProbeForRead/Write is Windows'
        def(m, "access_ok", new Returns.Range(0, 1, null, -1), false, new Effect.Probe(0, 1, false));
        // the kernel log: reads its format and arguments, writes nothing of the caller's (a %p prints an address)
        for (String n : List.of("printk", "_printk", "vprintk")) def(m, n, new Returns.Range(-1, Integer.MAX_VALUE, null, -1), true, new Effect.FormatArg(0, 1));
        def(m, "simple_write_to_buffer", new Returns.Range(-14, Integer.MAX_VALUE, "simple_write_to_buffer", 4), false,
                new WriteBytes(0, arg(1), Fill.TAINTED, -1, 1));
        // to user space: simple_read_from_buffer copies from the first `available` bytes at `from`
        def(m, "simple_read_from_buffer", new Returns.Range(-14, Integer.MAX_VALUE, null, 1), false,
                new ReadBytes(3, arg(4)), new Effect.CopyToUser(3, arg(4)));
        // nested netlink attributes, checked by the policy the call names: 0, or a negative error
        for (String n : List.of("nla_parse_nested", "nla_parse_nested_deprecated")) {
            def(m, n, new Returns.Range(-4095, 0, null, -1), false, new Effect.ParseAttributes(0, 1, 3));
        }
        // a netlink reply: the bytes of an attribute put in it go to the requester (or -EMSGSIZE)
        def(m, "nla_put", new Returns.Range(-90, 0, null, -1), false, new ReadBytes(3, arg(2)), new Effect.CopyToUser(3, arg(2)));
        // strscpy: a truncating copy that always terminates; the count copied or -E2BIG
        def(m, "strscpy", new Returns.Range(-7, Integer.MAX_VALUE, null, 2), false, new Effect.CopyBoundedString(0, 1, 1, 2, true));
        // ---- Linux: slab and vmalloc (one family: kvfree releases either)
        String slab = "kmalloc";
        for (String n : List.of("kmalloc", "kvmalloc", "__kmalloc")) def(m, n, new Returns.Allocated(), false, new Effect.Allocate(arg(0), slab, false, false, true));
        for (String n : List.of("kzalloc", "kvzalloc")) def(m, n, new Returns.Allocated(), false, new Effect.Allocate(arg(0), slab, false, true, true));
        for (String n : List.of("kcalloc", "kvcalloc")) def(m, n, new Returns.Allocated(), false, new Effect.Allocate(new Len.Product(0, 1), slab, false, true, true));
        def(m, "kmalloc_array", new Returns.Allocated(), false, new Effect.Allocate(new Len.Product(0, 1), slab, false, false, true));
        def(m, "vmalloc", new Returns.Allocated(), false, new Effect.Allocate(arg(0), slab, false, false, true));
        def(m, "vzalloc", new Returns.Allocated(), false, new Effect.Allocate(arg(0), slab, false, true, true));
        // duplicates: of kernel bytes (NULL on failure), of user bytes (an ERR_PTR on failure, never NULL)
        def(m, "kmemdup", new Returns.Allocated(), false, new ReadBytes(0, arg(1)), new Effect.DuplicateBytes(0, arg(1), slab, false));
        for (String n : List.of("memdup_user", "vmemdup_user")) def(m, n, new Returns.Allocated(), false, new Effect.DuplicateBytes(0, arg(1), slab, true));
        def(m, "devm_kmalloc", new Returns.Allocated(), false, new Effect.Allocate(arg(1), "devm", false, false, true));
        def(m, "devm_kzalloc", new Returns.Allocated(), false, new Effect.Allocate(arg(1), "devm", false, true, true));
        for (String n : List.of("kfree", "kvfree", "vfree", "kfree_sensitive", "kzfree")) def(m, n, new Returns.Unknown(), false, new Effect.Deallocate(0, n));
        def(m, "devm_kfree", new Returns.Unknown(), false, new Effect.Deallocate(1, "devm_kfree"));
        // struct_size / array_size saturate at SIZE_MAX instead of wrapping
        def(m, "__memsafe_array_size", new Returns.SaturatingProduct(0, 1, -1), true);
        def(m, "__memsafe_struct_size", new Returns.SaturatingProduct(1, 2, 0), true);

        // ---- Windows: pool
        String pool = "pool";
        for (String n : List.of("ExAllocatePoolWithTag", "ExAllocatePool", "ExAllocatePoolWithQuotaTag", "ExAllocatePoolUninitialized",
                "ExAllocatePoolQuotaUninitialized", "ExAllocatePoolPriorityUninitialized")) {
            def(m, n, new Returns.Allocated(), false, new Effect.Allocate(arg(1), pool, false, false, true));
        }
        // ExAllocatePool2/3 zero the block unless the caller asks for POOL_FLAG_UNINITIALIZED
        for (String n : List.of("ExAllocatePool2", "ExAllocatePool3", "ExAllocatePoolZero", "ExAllocatePoolQuotaZero", "ExAllocatePoolPriorityZero")) {
            def(m, n, new Returns.Allocated(), false, new Effect.Allocate(arg(1), pool, false, true, true));
        }
        for (String n : List.of("ExFreePoolWithTag", "ExFreePool", "ExFreePool2")) def(m, n, new Returns.Unknown(), false, new Effect.Deallocate(0, n));
        // ---- Windows: counted strings. The Rtl routines that allocate a string's buffer (from paged
        // pool) leave it to the caller to release with RtlFreeUnicodeString / RtlFreeAnsiString;
        // RtlInit*String only points the structure at the caller's string.
        Returns status = new Returns.Range(Integer.MIN_VALUE, Integer.MAX_VALUE, null, -1);
        def(m, "RtlCreateUnicodeString", new Returns.Range(0, 1, null, -1), false, new Effect.AllocateInField(0, "Buffer", 1, false, 2, -1));
        def(m, "RtlDuplicateUnicodeString", status, false, new Effect.AllocateInField(2, "Buffer", 1, true, 2, -1));
        for (String n : List.of("RtlAnsiStringToUnicodeString", "RtlUnicodeStringToAnsiString", "RtlUpcaseUnicodeString", "RtlDowncaseUnicodeString")) {
            def(m, n, status, false, new Effect.AllocateInField(0, "Buffer", 1, true, 2, 2));
        }
        // ntintsafe: the result is stored only when it fits (STATUS_INTEGER_OVERFLOW otherwise)
        for (String type : List.of("ULong", "SizeT", "ULongLong", "UShort", "ULongPtr", "UInt", "Long", "Int", "LongLong", "SSizeT")) {
            def(m, "Rtl" + type + "Add", status, false, new Effect.CheckedArithmetic(io.memsafe.ir.Expr.BinOp.ADD, 0, 1, 2));
            def(m, "Rtl" + type + "Sub", status, false, new Effect.CheckedArithmetic(io.memsafe.ir.Expr.BinOp.SUB, 0, 1, 2));
            def(m, "Rtl" + type + "Mult", status, false, new Effect.CheckedArithmetic(io.memsafe.ir.Expr.BinOp.MUL, 0, 1, 2));
        }
        def(m, "RtlInitUnicodeString", new Returns.Unknown(), false, new Effect.InitCountedString(0, "Buffer", 1, 2));
        def(m, "RtlInitAnsiString", new Returns.Unknown(), false, new Effect.InitCountedString(0, "Buffer", 1, 1));
        def(m, "RtlInitString", new Returns.Unknown(), false, new Effect.InitCountedString(0, "Buffer", 1, 1));
        // ntstrsafe.h copies: truncate and terminate (STATUS_BUFFER_OVERFLOW then); Cb counts bytes, Cch characters
        def(m, "RtlStringCbCopyA", status, false, new Effect.CopyBoundedString(0, 2, 1, 1, true));
        def(m, "RtlStringCbCopyW", status, false, new Effect.CopyBoundedString(0, 2, 2, 1, true));
        def(m, "RtlStringCchCopyA", status, false, new Effect.CopyBoundedString(0, 2, 1, 1, false));
        def(m, "RtlStringCchCopyW", status, false, new Effect.CopyBoundedString(0, 2, 2, 1, false));
        for (String n : List.of("RtlFreeUnicodeString", "RtlFreeAnsiString")) def(m, n, new Returns.Unknown(), false, new Effect.DeallocateField(0, "Buffer"));
        // ---- Windows: waits. A dispatcher object (or wait block) the thread waits on in UserMode must not
        // live on its kernel stack, which may be paged out during such a wait
        // ---- locks: they touch the lock only (KeAcquireSpinLock also stores the old IRQL)
        for (String n : List.of("mutex_lock", "mutex_lock_interruptible", "mutex_lock_killable", "mutex_trylock", "mutex_unlock",
                "spin_lock", "spin_unlock", "spin_lock_bh", "spin_unlock_bh", "spin_lock_irq", "spin_unlock_irq", "spin_trylock",
                "raw_spin_lock", "raw_spin_unlock", "read_lock", "read_unlock", "write_lock", "write_unlock",
                "down", "down_interruptible", "down_killable", "down_trylock", "up", "down_read", "up_read", "down_write", "up_write",
                "KeReleaseSpinLock", "KeAcquireSpinLockAtDpcLevel", "KeReleaseSpinLockFromDpcLevel", "ExAcquireFastMutex",
                "ExReleaseFastMutex", "ExAcquireFastMutexUnsafe", "ExReleaseFastMutexUnsafe", "WdfSpinLockAcquire", "WdfSpinLockRelease",
                "WdfWaitLockAcquire", "WdfWaitLockRelease", "ExAcquireResourceExclusiveLite", "ExAcquireResourceSharedLite",
                "ExReleaseResourceLite", "ExAcquirePushLockExclusive", "ExReleasePushLockExclusive", "ExAcquirePushLockShared",
                "ExReleasePushLockShared", "KeReleaseInStackQueuedSpinLock"))
            def(m, n, new Returns.Unknown(), false, new Effect.Lock(0, -1));
        def(m, "KeAcquireSpinLock", new Returns.Unknown(), false, new Effect.Lock(0, 1));
        def(m, "KeAcquireInStackQueuedSpinLock", new Returns.Unknown(), false, new Effect.Lock(0, 1));
        def(m, "IoCompleteRequest", new Returns.Unknown(), false, new Effect.CompletesRequest(0));
        // KMDF: completing a request gives its buffers back to the framework
        for (String n : List.of("WdfRequestComplete", "WdfRequestCompleteWithInformation", "WdfRequestCompleteWithPriorityBoost"))
            def(m, n, new Returns.Unknown(), false, new Effect.CompletesRequest(0));
        def(m, "KeWaitForSingleObject", status, false, new Effect.DispatcherWait(0, -1, 2, -1));
        def(m, "KeWaitForMultipleObjects", status, false, new Effect.DispatcherWait(1, 0, 4, 7));
        // ---- Windows: probes of user addresses (they raise an exception on a bad address: the caller's __try catches it)
        def(m, "ProbeForRead", new Returns.Unknown(), false, new Effect.Probe(0, 1, true));
        def(m, "ProbeForWrite", new Returns.Unknown(), false, new Effect.Probe(0, 1, true));
        // ---- address computations of the preludes (CONTAINING_RECORD, container_of)
        def(m, "__memsafe_containing_record", new Returns.ContainingRecord(0, 1), true);
        // ---- KMDF: a request's buffers hold at least the minimum length asked for
        def(m, "WdfRequestRetrieveInputBuffer", new Returns.Range(Integer.MIN_VALUE, Integer.MAX_VALUE, null, -1), false,
                new Effect.RequestBuffer(0, 2, 3, 1, false));
        def(m, "WdfRequestRetrieveOutputBuffer", new Returns.Range(Integer.MIN_VALUE, Integer.MAX_VALUE, null, -1), false,
                new Effect.RequestBuffer(0, 2, 3, 1, false));
        def(m, "WdfRequestRetrieveUnsafeUserInputBuffer", new Returns.Range(Integer.MIN_VALUE, Integer.MAX_VALUE, null, -1), false,
                new Effect.RequestBuffer(0, 2, 3, 1, true));
        def(m, "WdfRequestRetrieveUnsafeUserOutputBuffer", new Returns.Range(Integer.MIN_VALUE, Integer.MAX_VALUE, null, -1), false,
                new Effect.RequestBuffer(0, 2, 3, 1, true));
    }
}
