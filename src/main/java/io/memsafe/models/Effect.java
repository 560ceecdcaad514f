package io.memsafe.models;

/**
 * One thing a library function does to memory or to values, in terms of its arguments. Argument
 * indexes are 0-based. Lengths are in bytes unless the record says elements ({@code elem} is the
 * element size: 1 for char functions, 4 for wchar_t ones).
 */
public sealed interface Effect {
    /** A length expressed in the function's arguments. */
    sealed interface Len {
        /** args[arg] * scale bytes. */
        record Arg(int arg, long scale) implements Len { }
        /** args[a] * args[b] bytes (calloc, fread). */
        record Product(int a, int b) implements Len { }
        /** A constant number of bytes. */
        record Const(long bytes) implements Len { }
    }

    /** How written bytes are filled. */
    enum Fill { COPY, BYTE_ARG, TAINTED, UNKNOWN }

    /** Reads the NUL-terminated string at {@code arg}, terminator included (bounded by {@code limitArg} elements if >= 0). */
    record ReadString(int arg, int elem, int limitArg) implements Effect { }
    /** strtol family: stores where the parse stopped (a value the analysis leaves unknown) through args[out] unless it is NULL. */
    record StoreEnd(int out) implements Effect { }
    /** kstrtoint family: stores through args[out] ({@code size} bytes) a number in [lo, hi] parsed from the string at args[src], untrusted when it is. */
    record ParseInto(int src, int out, long size, long lo, long hi) implements Effect { }
    /**
     * Checked arithmetic (ntintsafe's RtlULongMult and friends, {@code __builtin_mul_overflow}): stores
     * args[a] op args[b] through args[out] where it fits the result's type; the call's result says
     * whether it did, and correct code leaves on the other path, so the value stored is the exact
     * result within the type (no wrap to report).
     */
    record CheckedArithmetic(io.memsafe.ir.Expr.BinOp op, int a, int b, int out) implements Effect { }
    /** Reads {@code len} bytes at {@code arg}. */
    record ReadBytes(int arg, Len len) implements Effect { }
    /** Writes {@code len} bytes at {@code arg}; COPY copies from {@code source}, BYTE_ARG fills with args[source]. */
    record WriteBytes(int arg, Len len, Fill fill, int source, int elem) implements Effect { }
    /** strcpy / strncpy family: copies the string at src to dst (at most limitArg elements if >= 0, padding to it). */
    record CopyString(int dst, int src, int elem, int limitArg) implements Effect { }
    /**
     * strlcpy / strscpy / RtlStringCbCopy family: copies at most limit - 1 elements of the string at
     * src and a terminator (nothing when the limit is 0); the limit counts bytes when
     * {@code limitInBytes}, else elements.
     */
    record CopyBoundedString(int dst, int src, int elem, int limitArg, boolean limitInBytes) implements Effect { }
    /** strcat / strncat family: appends the string at src (at most limitArg elements) after dst's terminator. */
    record AppendString(int dst, int src, int elem, int limitArg) implements Effect { }
    /** sprintf family: formats into dst (at most args[limitArg] elements if >= 0) from the format at fmtArg. */
    record Format(int dst, int limitArg, int fmtArg, int elem) implements Effect { }
    /** fgets / fgetws: reads up to args[countArg]-1 elements of input into dst and terminates them (gets: countArg -1, no limit). */
    record ReadLine(int dst, int countArg, int elem) implements Effect { }
    /**
     * scanf family: stores input into the objects its pointer arguments, from firstPointer on, designate;
     * {@code sourceArg}: the string sscanf reads (-1: a stream, input of any length).
     */
    record Scan(int fmtArg, int firstPointer, int elem, int sourceArg) implements Effect { }
    /** Allocates a block of {@code size} bytes and returns it (may return NULL when {@code mayFail}). */
    record Allocate(Len size, String family, boolean onStack, boolean zeroed, boolean mayFail) implements Effect { }
    /** realloc: a new block of {@code size} bytes holding the old contents; the old block is released. */
    record Reallocate(int arg, Len size) implements Effect { }
    /** strdup family: a heap copy of the string at {@code arg}. */
    record Duplicate(int arg, int elem, int limitArg) implements Effect { }
    /**
     * kmemdup / memdup_user: a new block of {@code len} bytes holding a copy of those at args[src]; from
     * user space ({@code fromUser}: untrusted bytes, and ERR_PTR rather than NULL on failure).
     */
    record DuplicateBytes(int src, Len len, String family, boolean fromUser) implements Effect { }
    /** nla_parse_nested: fills the table args[tb] with the nested attributes, up to args[max], as the policy args[policy] checks them. */
    record ParseAttributes(int tb, int max, int policy) implements Effect { }
    /** Releases the block args[arg] points to. */
    record Deallocate(int arg, String family) implements Effect { }
    /**
     * puts / fputs and printf's {@code %s}: the string at args[arg] is read up to its terminator to be
     * printed. Checked for use after free and for a read past a terminator the analysis knows; a
     * buffer with no terminator in sight is not reported here (what fills printed buffers is often
     * code the analysis follows only roughly).
     */
    record PrintString(int arg, int elem) implements Effect { }
    /** fopen family: returns a new stream handle, or NULL when opening fails. */
    record OpenStream() implements Effect { }
    /** MmGetSystemAddressForMdlSafe: the system address of a buffer, of a size the analysis does not know, NULL when mapping fails. */
    record MapsBuffer() implements Effect { }
    /** Operates on the stream args[arg], which must not be NULL (fclose, fputs, fprintf, fgets, ...). */
    record UsesStream(int arg) implements Effect { }
    /**
     * printf family: args[arg] is the format string, interpreted for conversions; each {@code %s}
     * without a precision reads the NUL-terminated string of its argument. {@code elem}: the bytes of
     * a character of the format (4 for the wide functions).
     */
    record FormatArg(int arg, int elem) implements Effect { }
    /**
     * ProbeForRead / ProbeForWrite: checks that {@code len} bytes at args[arg] lie in user space
     * (raising an exception otherwise, when {@code raises}: only a {@code __try} catches it, and the
     * user memory probed may still fault later, so it is touched only inside one). Past it the user
     * pointer counts as probed; a zero length checks nothing. Linux's access_ok returns its verdict.
     */
    record Probe(int arg, int lenArg, boolean raises) implements Effect { }
    /**
     * Copies {@code len} bytes in from user memory at {@code src} to {@code dst} (copy_from_user,
     * get_user): a second copy of bytes an earlier one already fetched and the driver tested is a
     * double fetch when the driver uses the second copy's value.
     */
    record FetchFromUser(int dst, int src, Len len) implements Effect { }
    /** copy_to_user / put_user: {@code len} bytes at args[src] leave the kernel for user space. */
    record CopyToUser(int src, Len len) implements Effect { }
    /**
     * WdfRequestRetrieve*Buffer: stores through args[bufferOut] a pointer to the buffer of the request
     * args[request], of at least args[minArg] bytes (untrusted contents), and its length through
     * args[lengthOut] (may be NULL). {@code user}: the unsafe variants hand out the caller's user-space
     * address itself.
     */
    record RequestBuffer(int request, int bufferOut, int lengthOut, int minArg, boolean user) implements Effect { }
    /**
     * The counted-string routines that allocate their result (RtlCreateUnicodeString, and
     * RtlAnsiStringToUnicodeString and the like when args[onlyIfArg] is TRUE): a block (of the
     * routine's own allocation family) holding a copy of the string at args[src] ({@code srcCounted}: a counted string
     * of the same kind, whose length the analysis does not follow; otherwise NUL-terminated of
     * {@code elem}-byte characters), its address stored in the pointer member {@code field} of the
     * structure args[dst] points to. The allocation is taken to succeed: callers test the status,
     * not the member.
     */
    record AllocateInField(int dst, String field, int src, boolean srcCounted, int elem, int onlyIfArg) implements Effect { }
    /**
     * RtlInitUnicodeString / RtlInitAnsiString: the structure args[dst] points to describes the
     * NUL-terminated string at args[src] ({@code elem}-byte characters) in place: its pointer member
     * {@code field} holds that address, its lengths the string's (nothing is allocated).
     */
    record InitCountedString(int dst, String field, int src, int elem) implements Effect { }
    /** RtlFreeUnicodeString / RtlFreeAnsiString: releases the block the pointer member {@code field} of *args[arg] holds. */
    record DeallocateField(int arg, String field) implements Effect { }
    /**
     * KeWaitForSingleObject / KeWaitForMultipleObjects: the thread waits, in the processor mode
     * args[mode], on the dispatcher object at args[object] (or, when {@code count} >= 0, on the
     * args[count] objects whose addresses the array at args[object] holds). The objects are linked
     * into the dispatcher's wait lists for the wait, as are the wait blocks at args[waitBlocks] when given (>= 0).
     */
    record DispatcherWait(int object, int count, int mode, int waitBlocks) implements Effect { }
    /**
     * IoCompleteRequest: the I/O manager takes back the request at args[arg] and frees it; a cancel routine
     * still set in it (member {@code CancelRoutine}) may then run on the freed request. WdfRequestComplete*:
     * the framework takes back the request and the buffers retrieved from it.
     */
    record CompletesRequest(int arg) implements Effect { }
    /**
     * A lock's acquire or release (mutex_lock, spin_unlock, KeAcquireSpinLock, pthread_mutex_lock): it
     * uses the lock object at args[lock] and writes nothing else, but the saved state through
     * args[savedOut] when that is at least 0 (KeAcquireSpinLock's old IRQL). What the lock guards is
     * as the thread last saw it: the analysis follows one thread, as Clang's and Infer's do.
     */
    record Lock(int lock, int savedOut) implements Effect { }
    /**
     * The function does not return (exit, abort), or, with {@code unlessZeroArg} at least 0, does not
     * return unless that argument is 0 (glibc's {@code error(status, ...)} exits when status is not 0).
     */
    record NoReturn(int unlessZeroArg) implements Effect {
        public NoReturn() { this(-1); }
    }
}
