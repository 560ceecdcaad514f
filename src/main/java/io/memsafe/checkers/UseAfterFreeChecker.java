package io.memsafe.checkers;

import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.ir.SourceLoc;

/**
 * Reports memory used through a pointer whose block is freed on every path reaching the use. A
 * block freed on some paths only is not reported: the merge cannot tell a real path from
 * correlated branches (freed when a flag is set, used when it is not).
 */
@Rule(id = "MS416", name = "UseAfterFree", cwe = 416, level = "error",
        title = "Use after free",
        rationale = "Freed memory is soon handed out again; reading it leaks the new owner's data and writing it "
                + "corrupts that data or the allocator's free lists, a classic route to code execution.")
public final class UseAfterFreeChecker implements Checker {
    @Override
    public void onUse(SourceLoc loc, Value pointer, String what, boolean dereferenced, State state, Context ctx) {
        Lifetime l = Lifecycle.freedOnEveryPath(pointer, state);
        if (l == null) return;
        Region r = Lifecycle.single(pointer);
        String use = "dereference".equals(what) ? "use of " : what + "() uses ";
        ctx.report(this, loc, use + r.description + " after it was freed" + Lifecycle.line(l.freedAt()),
                Lifecycle.story(r, l, loc, "used here after free"));
    }
}
