package io.memsafe.checkers;

import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.ir.SourceLoc;

/** Reports the release of a block that is already freed on every path reaching it. */
@Rule(id = "MS415", name = "DoubleFree", cwe = 415, level = "error",
        title = "Double free",
        rationale = "Freeing a block twice corrupts the allocator's free lists: a later malloc can return the same "
                + "block twice, which attackers turn into overlapping objects and arbitrary writes.")
public final class DoubleFreeChecker implements Checker {
    @Override
    public void onFree(SourceLoc loc, Value pointer, String deallocator, State before, Context ctx) {
        if ("realloc".equals(deallocator)) return;
        Lifetime l = Lifecycle.freedOnEveryPath(pointer, before);
        if (l == null) return;
        Region r = Lifecycle.single(pointer);
        ctx.report(this, loc, deallocator + " of " + r.description + ", which was already " + ("completed".equals(Lifecycle.freed(r)) ? "freed with its request" : Lifecycle.freed(r)) + Lifecycle.where(l),
                Lifecycle.story(r, l, loc, "freed again here"));
    }
}
