package io.memsafe.checkers;

import io.memsafe.analysis.engine.Checker;

import java.util.List;

/** The catalogue of source checkers; the SARIF rule list and the docs are generated from it. */
public final class Checkers {
    private Checkers() { }

    public static List<Checker> all() {
        return List.of(new StackBufferOverflowChecker(), new HeapBufferOverflowChecker(), new GlobalBufferOverflowChecker(), new MemberBufferOverflowChecker(),
                new BufferUnderwriteChecker(), new BufferOverReadChecker(), new BufferUnderReadChecker(),
                new NullDereferenceChecker(), new UseAfterFreeChecker(), new DoubleFreeChecker(), new FreeNotOnHeapChecker(),
                new FreeNotAtStartChecker(), new MismatchedDeallocatorChecker(), new UncheckedAllocationChecker(), new MemoryLeakChecker(),
                new FormatStringChecker(), new UninitializedReadChecker(), new WrappedAllocationSizeChecker(), new WrappedLengthStoredChecker(), new WrappedTestChecker(), new ShrunkAllocationSizeChecker(),
                new UnprobedUserPointerChecker(), new UserAccessOutsideTryChecker(), new KernelInfoLeakChecker(), new DoubleFetchChecker(), new StackAddressEscapeChecker(), new FrameAddressKeptChecker(),
                new PageableStackWaitChecker(), new CallbackPendingAtReleaseChecker(), new CancelRoutineAtCompletionChecker());
    }
}
