package io.memsafe.analysis.engine;

/**
 * Bounds the work spent on one root function (and everything analysed in its context), so that one
 * pathological function cannot stall a scan. Exceeding it abandons that root with a note.
 *
 * <p>The count of abstract steps is the limit that normally applies: it cuts a root at the same point on
 * any machine and under any load, so the output does not depend on either. The wall clock is only a
 * safety net for a root whose steps are unusually costly; a root it cuts is not reproducible.
 */
public final class Budget {
    /**
     * Steps per root by default. curl's heaviest root takes about 170,000 (its callee analyses included);
     * this leaves room above that and bounds a pathological root to seconds of work.
     */
    public static final long DEFAULT_STEPS = 300_000;
    /** Wall-clock safety net per root by default, in milliseconds: far above what the step count allows normally. */
    public static final long DEFAULT_MILLIS = 60_000;

    public static final class Exhausted extends RuntimeException {
        public Exhausted(String why) { super(why, null, false, false); }
    }

    private final long maxSteps;
    private long deadlineNanos;
    private final long maxRegions;
    private long steps;
    /** The count when the innermost analysis set apart ({@link #enter}) began: the limit applies to what it ran. */
    private long frameStart;

    public Budget(long maxSteps, long millis, long maxRegions) {
        this.maxSteps = maxSteps;
        this.deadlineNanos = System.nanoTime() + millis * 1_000_000L;
        this.maxRegions = maxRegions;
    }

    public void step() {
        if (++steps - frameStart > maxSteps) throw new Exhausted("more than " + maxSteps + " abstract steps");
        if ((steps & 15) == 0 && System.nanoTime() > deadlineNanos) throw new Exhausted("time budget exceeded");
    }

    /**
     * Counts {@code n} steps at once: the work of a callee analysis this root uses without running it
     * (another root ran it for the same input).
     */
    public void charge(long n) {
        if (n == 0) return;
        steps += n;
        if (steps - frameStart > maxSteps) throw new Exhausted("more than " + maxSteps + " abstract steps");
        if (System.nanoTime() > deadlineNanos) throw new Exhausted("time budget exceeded");
    }

    /** Sets the count back to {@code n}: what a callee analysis ran is counted by {@link #charge} instead. */
    public void rewind(long n) { steps = n; }

    /**
     * Starts an analysis set apart (a callee's analysis in context, a reporting pass), whose steps are
     * given back afterwards ({@link #rewind}). Until {@link #leave}, the step limit applies to the steps it
     * ran, which depend on its input only. The root's running count would not do: it holds, for a while,
     * work that another root may already have done (then this one is only charged for it), so where it
     * crosses the limit would depend on the order roots ran in. Returns what to pass to {@link #leave}.
     */
    long enter() {
        long outer = frameStart;
        frameStart = steps;
        return outer;
    }

    void leave(long outer) { frameStart = outer; }

    public void regions(int n) {
        if (n > maxRegions) throw new Exhausted("more than " + maxRegions + " abstract memory regions");
    }

    public long steps() { return steps; }

    /**
     * Runs {@code extra} work that must not cost the analysis it serves: afterwards the steps and the time
     * it took are given back. Returns false when the work ran out of budget (what it did is then incomplete).
     */
    boolean aside(Runnable extra) {
        long before = steps, started = System.nanoTime();
        try {
            extra.run();
            return true;
        } catch (Exhausted e) {
            return false;
        } finally {
            steps = before;
            deadlineNanos += System.nanoTime() - started;
        }
    }
}
