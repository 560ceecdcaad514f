package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports a wait in user mode ({@code KeWaitForSingleObject(&obj, ..., UserMode, ...)}, and
 * {@code KeWaitForMultipleObjects}) on a dispatcher object, or with wait blocks, that live on the
 * kernel stack: while a thread waits in user mode the memory manager may page its kernel stack out,
 * but the object stays linked into the dispatcher's lists, which other processors walk at
 * DISPATCH_LEVEL when they signal it. The stack is released for the duration of a use that still
 * needs it. Reported when the waited object is stack storage on every path (of the waiting function
 * or of a caller that lent it) and the mode is not KernelMode on every path.
 */
@Rule(id = "MS826", name = "PageableStackWait", cwe = 826, level = "error",
        title = "Dispatcher object on a pageable kernel stack waited on in user mode",
        rationale = "A user-mode wait lets the kernel page the waiting thread's stack out; an event, mutex or wait "
                + "block on that stack is then touched by the dispatcher at raised IRQL, where a page fault is a "
                + "bug check, and the stack pages can be reused while still linked into the object lists.")
public final class PageableStackWaitChecker implements Checker {
    @Override
    public void onPageableStackWait(SourceLoc loc, Region storage, String op, Context ctx) {
        List<TraceStep> t = new ArrayList<>();
        if (storage.allocated != null && storage.allocated.line() > 0) t.add(new TraceStep(storage.allocated, storage.description + " declared here, on the kernel stack"));
        t.add(new TraceStep(loc, op + " waits on it in UserMode: the stack may be paged out during the wait"));
        ctx.report(this, loc, op + " waits in UserMode on " + storage.description + ", which lives on the kernel stack: the stack may be "
                + "paged out while the dispatcher still uses the object (wait in KernelMode, or allocate it from nonpaged pool)", t);
    }
}
