package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports kernel stack or pool bytes that nothing has written on any path copied out to user space
 * ({@code copy_to_user}, {@code put_user}): a struct with fields left unset, a pool block allocated
 * without zeroing and filled in part. A user-space reader then learns what the kernel stored there
 * before: pointers that defeat KASLR, keys, other processes' data.
 */
@Rule(id = "MS908", name = "KernelInfoLeak", cwe = 908, level = "warning",
        title = "Uninitialised kernel memory copied to user space",
        rationale = "Bytes of a kernel stack frame or pool block that the driver never wrote still hold what earlier "
                + "code left there (kernel addresses, secrets); copying them to user space discloses them.")
public final class KernelInfoLeakChecker implements Checker {
    @Override
    public void onUnwrittenCopiedOut(SourceLoc loc, Region storage, String part, String function, Context ctx) {
        List<TraceStep> t = new ArrayList<>();
        if (storage.allocated != null && storage.allocated.line() > 0) {
            t.add(new TraceStep(storage.allocated, storage.description + (storage.kind == Region.Kind.HEAP ? " allocated" : " declared") + " without an initial value here"));
        }
        String what = part == null ? "which nothing has written" : part;
        t.add(new TraceStep(loc, "copied to user space here by " + function + "()"));
        ctx.report(this, loc, function + " copies " + storage.description + " to user space: " + what, t);
    }
}
