package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;

/**
 * A checker subscribes to events of the analysis engine and inspects the abstract values it is
 * handed; it never drives the analysis (Clang's analyzer keeps the same split). Implementations
 * carry a {@link Rule} annotation.
 */
public interface Checker {
    /** A load, a store, or a library function's read or write of a buffer. */
    default void onAccess(MemoryAccess access, Context ctx) { }

    /**
     * A pointer is dereferenced (load, store, or a library function that requires a valid pointer);
     * {@code nullSet}, when not null, is where the code last set the dereferenced variable to NULL
     * (a hint for the trace, given only for a pointer that is NULL on every path).
     */
    default void onDereference(SourceLoc loc, Value pointer, String what, TraceStep nullSet, Context ctx) { }

    /**
     * Memory is used through a pointer (a load, a store, a library function reading or writing
     * through it); {@code state} is the abstract state just before the use, with the heap lifetime.
     * {@code dereferenced}: the operation certainly dereferences the pointer (false for a function
     * nobody models whose prototype only says it reads a string: it might accept NULL).
     */
    default void onUse(SourceLoc loc, Value pointer, String what, boolean dereferenced, State state, Context ctx) { }

    /**
     * A pointer is passed to a deallocator ({@code free}, {@code delete}, {@code delete[]}, or
     * realloc releasing its old block, named by {@code deallocator}); {@code before} is the state
     * before the release. Fired for every call, including {@code free(NULL)}.
     */
    default void onFree(SourceLoc loc, Value pointer, String deallocator, State before, Context ctx) { }

    /**
     * At the end of a function activation, a heap block that is allocated, freed on no path, and
     * no longer reachable from anything that outlives the activation (globals, the caller's
     * memory, the return value, pointers handed to code the analysis does not see).
     */
    default void onLeak(SourceLoc loc, io.memsafe.analysis.domain.Region block, String function, Context ctx) { }

    /**
     * A heap block that is allocated on this path but that no pointer anywhere designates any more:
     * the last one was overwritten at {@code lostAt} (realloc's NULL result assigned over the only
     * pointer to the block it failed to grow); {@code seenAt} is where the path learned it.
     */
    default void onLostReference(SourceLoc lostAt, SourceLoc seenAt, io.memsafe.analysis.domain.Region block, Context ctx) { }

    /**
     * A store overwrote the only pointer to a live heap block that no path has freed ({@code pointer}:
     * the overwritten variable or member as the source names it, or null): it can never be freed.
     */
    default void onOverwritten(SourceLoc at, io.memsafe.analysis.domain.Region block, String pointer, Context ctx) { }

    /**
     * A path returns from {@code function} at {@code at} while only the function's own variable
     * {@code pointer} (null: no name) holds a heap block that other paths free (at {@code freedElsewhere})
     * or hand on (null): the block leaks on this path.
     */
    default void onLeakOnPath(SourceLoc at, io.memsafe.analysis.domain.Region block, String function, String pointer, SourceLoc freedElsewhere, Context ctx) { }

    /**
     * A dereference through the variable {@code variable}, which holds a pointer released at
     * {@code freedAt} on every path here (not assigned since), while the block's heap lifetime is
     * only "maybe freed" (one of several blocks from the same allocation site).
     */
    default void onUseThroughFreedPointer(SourceLoc loc, Value pointer, String variable, SourceLoc freedAt, Context ctx) { }

    /** A printf-family function is called with a format string whose characters come from untrusted input ({@code taint}). */
    default void onFormatString(SourceLoc loc, Value format, String function, io.memsafe.analysis.domain.Origin taint, Context ctx) { }

    /**
     * A load from local or heap storage ({@code storage}) that nothing has written on any path
     * reaching it; {@code part} is null when nothing at all was written to the storage, else it
     * says which bytes were read and which may have been written.
     */
    default void onUninitializedRead(SourceLoc loc, io.memsafe.analysis.domain.Region storage, String part, Context ctx) { }

    /**
     * Bytes of local or heap storage ({@code storage}) that nothing has written on any path are
     * copied out of the kernel to user space by {@code function}; {@code part} as for
     * {@link #onUninitializedRead}.
     */
    default void onUnwrittenCopiedOut(SourceLoc loc, io.memsafe.analysis.domain.Region storage, String part, String function, Context ctx) { }

    /**
     * A value in user memory ({@code storage}) that a branch tested at {@code checkedAt} is read
     * again: the user process may have changed it in between (a double fetch).
     */
    default void onDoubleFetch(SourceLoc loc, io.memsafe.analysis.domain.Region storage, SourceLoc checkedAt, Context ctx) { }

    /**
     * A value used from kernel storage that a second copy from user memory filled, where the value the
     * first copy of the same user bytes brought was tested ({@code storage} at byte {@code offset}; the
     * lines of the test and of the two copies); {@code place}: the value as the source spells it, or null.
     */
    default void onRefetchedUse(SourceLoc loc, String place, io.memsafe.analysis.domain.Region storage, long offset, SourceLoc testedAt,
                                SourceLoc firstCopy, SourceLoc secondCopy, Context ctx) { }

    /**
     * A function returns {@code returned}; {@code frame} holds the regions of its own locals and
     * parameters (those whose storage ends with the return), temporaries of the IR left out.
     */
    default void onReturn(SourceLoc loc, Value returned, String function, java.util.Set<io.memsafe.analysis.domain.Region> frame, Context ctx) { }

    /**
     * When {@code function} returns, the global {@code holder} still holds, on every path, the address of
     * {@code storage}, which ends with the return (a local, a parameter, memory lent for the call only).
     */
    default void onFrameAddressKept(SourceLoc loc, io.memsafe.analysis.domain.Region holder, io.memsafe.analysis.domain.Region storage,
                                    String function, Context ctx) { }

    /**
     * A thread waits in user mode ({@code op}: the wait routine) on a dispatcher object that lives in
     * {@code storage}, a frame on the kernel stack, on every path: the stack may be paged out during
     * such a wait while the dispatcher still links the object into its wait lists.
     */
    default void onPageableStackWait(SourceLoc loc, io.memsafe.analysis.domain.Region storage, String op, Context ctx) { }

    /**
     * {@code deallocator} releases an object of {@code struct} while a callback armed on its member
     * {@code member} (by {@code armer} at {@code armedAt}, in {@code armedIn}) may still be pending: no
     * function on the releasing path stops it ({@code stop} would). {@code callback} names it when known.
     */
    default void onCallbackPendingAtRelease(SourceLoc loc, String deallocator, String struct, String member, String callback,
                                            SourceLoc armedAt, String armer, String armedIn, String stop, Context ctx) { }

    /**
     * {@code op} (IoCompleteRequest) hands a request back to the I/O manager while its cancel routine
     * {@code routine} is still set on every path: the routine may run on the freed request.
     */
    default void onCompletedWithCancelRoutine(SourceLoc loc, String op, String routine, Context ctx) { }

    /** A block is about to be allocated with {@code size} bytes by {@code allocator} (malloc, new[], alloca, ...). */
    default void onAllocationSize(SourceLoc loc, Value size, String allocator, Context ctx) { }

    /**
     * An untrusted value whose arithmetic wrapped below zero into a huge unsigned number, stored into
     * {@code target} (its spelling), storage that outlives the function: not one of its own variables.
     */
    /**
     * A bounds test whose sum an untrusted term ({@code term}, its source spelled, or null) can wrap around
     * the sum's {@code type}: the test passes for a huge value.
     */
    default void onWrappedTest(SourceLoc loc, String term, io.memsafe.analysis.domain.Origin origin, io.memsafe.ir.Type.Int type, Context ctx) { }

    default void onWrappedLengthStored(SourceLoc loc, String target, Value value, Context ctx) { }

    /**
     * A dereference through the local pointer {@code variable}, which some of the paths meeting at
     * {@code joinedAt} hold as NULL (set so at {@code nullSet}, when known), with no test since the join.
     */
    default void onDereferenceNullOnSomePaths(SourceLoc loc, String variable, SourceLoc joinedAt, TraceStep nullSet, Context ctx) { }

    /**
     * A dereference of {@code variable}, assigned at {@code calledAt} what {@code callee} returns, which
     * returns NULL on some of its paths ({@code returnsNull}) reachable from that call, with no test
     * of it in between.
     */
    default void onDereferenceNullReturned(SourceLoc loc, String variable, String callee, SourceLoc calledAt, TraceStep returnsNull, Context ctx) { }

    /** What a checker may ask the engine while it handles an event. */
    /**
     * The user buffer {@code user} is probed or touched ({@code op}: "dereference", a function's name) at
     * {@code loc}, where no {@code __try} of this function or of a caller catches the exception a bad or
     * unmapped user address raises.
     */
    default void onUserAccessOutsideTry(SourceLoc loc, io.memsafe.analysis.domain.Region user, String op, Context ctx) { }

    interface Context {
        /** Reports a finding of the calling checker; the engine adds the call stack to the trace. */
        void report(Checker checker, SourceLoc loc, String message, java.util.List<TraceStep> trace);
    }

    default Rule rule() { return getClass().getAnnotation(Rule.class); }
}
