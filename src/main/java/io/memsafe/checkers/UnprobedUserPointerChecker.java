package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.analysis.engine.UserMemory;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports a user-space address dereferenced by the kernel without a probe on every path to it: a
 * METHOD_NEITHER {@code Type3InputBuffer} or {@code UserBuffer}, or an address read from such a
 * buffer, or a pointer in data a Linux driver copied in with {@code copy_from_user}, read or written
 * before {@code ProbeForRead}/{@code ProbeForWrite} (Windows) or {@code access_ok} (Linux) checked
 * that it lies in user space. The caller chooses the address: a kernel address turns the request into an arbitrary
 * read or write.
 */
@Rule(id = "MS822", name = "UnprobedUserPointer", cwe = 822, level = "error",
        title = "User-space pointer dereferenced without a probe",
        rationale = "An address supplied by user mode may point into the kernel; dereferenced without ProbeForRead/"
                + "ProbeForWrite (Windows) or access_ok (Linux) it lets the caller read or write kernel memory of its choice.")
public final class UnprobedUserPointerChecker implements Checker {
    @Override
    public void onUse(SourceLoc loc, Value pointer, String what, boolean dereferenced, State state, Context ctx) {
        if (!dereferenced) return;
        for (Region r : pointer.pts.keySet()) {
            if (!UserMemory.isUser(r) || UserMemory.probed(r, state)) continue;
            List<TraceStep> t = new ArrayList<>();
            if (r.allocated != null && r.allocated.line() > 0) t.add(new TraceStep(r.allocated, r.description + " comes from user mode here"));
            t.add(new TraceStep(loc, (what == null ? "dereference" : what) + " here, with no probe of it on some path"));
            ctx.report(this, loc, (what == null || what.equals("dereference") ? "dereference of " : what + " through ") + r.description
                    + " without a check that it lies in user space (ProbeForRead/ProbeForWrite, access_ok)", t);
            return;
        }
    }
}
