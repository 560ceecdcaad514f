package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.MemoryAccess;

/** Shared shape of the buffer checkers: which accesses and which violations each one owns. */
abstract class BufferCheck implements Checker {
    /** Does this checker own a violation of this direction, by this kind of access, on this region? */
    abstract boolean owns(boolean write, boolean under, Region.Kind kind);

    @Override
    public final void onAccess(MemoryAccess a, Context ctx) {
        for (BoundsViolation v : BoundsViolation.of(a)) {
            if (!owns(a.write(), v.under(), v.region().kind)) continue;
            ctx.report(this, a.loc(), v.describe(a, a.write()), v.trace(a, a.write()));
            return;
        }
    }
}
