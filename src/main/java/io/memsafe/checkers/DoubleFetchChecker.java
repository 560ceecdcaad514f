package io.memsafe.checkers;

import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.SourceLoc;

import java.util.List;

/**
 * Reports a length, count or address in user memory that the driver tests and then reads again
 * from user memory instead of using the value it tested: another thread of the caller can change
 * it between the two reads, so the check says nothing about the value used (a time-of-check to
 * time-of-use race on user memory, the "double fetch" of Bochspwn and CVE-2016-6516).
 */
@Rule(id = "MS367", name = "DoubleFetch", cwe = 367, level = "error",
        title = "User memory read again after it was checked (double fetch)",
        rationale = "User-mode memory can change at any time: a value the kernel checks must be copied once into "
                + "kernel memory and used from there, or the caller swaps it after the check.")
public final class DoubleFetchChecker implements Checker {
    @Override
    public void onDoubleFetch(SourceLoc loc, Region storage, SourceLoc checkedAt, Context ctx) {
        List<TraceStep> t = List.of(new TraceStep(checkedAt, "value in " + storage.description + " tested here"),
                new TraceStep(loc, "read again from user memory here"));
        ctx.report(this, loc, "value in " + storage.description + " read again after the test at line " + checkedAt.line()
                + ": the caller can change it in between", t);
    }

    @Override
    public void onRefetchedUse(SourceLoc loc, String place, Region storage, long offset, SourceLoc testedAt, SourceLoc firstCopy, SourceLoc secondCopy, Context ctx) {
        List<TraceStep> t = List.of(new TraceStep(firstCopy, "first copy from user memory"),
                new TraceStep(testedAt, "the first copy's value tested here"),
                new TraceStep(secondCopy, "the same user bytes copied again into " + storage.description),
                new TraceStep(loc, "the second copy's value used here, untested"));
        String what = place != null ? "'" + place + "' (byte " + offset + " of " + storage.description + ")" : "value at byte " + offset + " of " + storage.description;
        ctx.report(this, loc, what + " comes from a second copy of user memory (line "
                + secondCopy.line() + "); only the first copy's value (line " + firstCopy.line() + ") was tested, at line " + testedAt.line()
                + ": the caller can change it in between", t);
    }
}
