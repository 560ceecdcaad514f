package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports a Windows driver that probes or touches a user buffer where no {@code __try}/{@code __except}
 * (of the function, or around the call that led there) catches the exception a bad address raises:
 * {@code ProbeForRead}/{@code ProbeForWrite} raise one for an address outside user space, and a probed
 * buffer still faults when the caller frees or unmaps the page after the probe (a probe is a check at
 * one moment, not a lock). Unhandled, the exception stops the system. The probe and every access to
 * the buffer belong inside the {@code __try}.
 */
@Rule(id = "MS823", name = "UserAccessOutsideTry", cwe = 822, level = "error",
        title = "User buffer probed or accessed outside __try",
        rationale = "ProbeForRead/ProbeForWrite raise an exception for a bad address, and user memory can be unmapped by "
                + "the caller at any time after the probe; outside __try/__except that exception crashes the system, and "
                + "the caller chooses when.")
public final class UserAccessOutsideTryChecker implements Checker {
    @Override
    public void onUserAccessOutsideTry(SourceLoc loc, Region user, String op, Context ctx) {
        boolean probe = op != null && op.startsWith("ProbeFor");
        String what = probe ? op + "() of " : "dereference".equals(op) || op == null ? "access to " : op + "() on ";
        List<TraceStep> t = new ArrayList<>();
        if (user.allocated != null && user.allocated.line() > 0) t.add(new TraceStep(user.allocated, user.description + " comes from user mode here"));
        t.add(new TraceStep(loc, (probe ? "probed" : "touched") + " here, outside any __try"));
        ctx.report(this, loc, what + user.description + " outside __try/__except: "
                + (probe ? "the exception it raises for a bad address" : "the fault when the caller unmaps the page after the probe")
                + " is not handled", t);
    }
}
