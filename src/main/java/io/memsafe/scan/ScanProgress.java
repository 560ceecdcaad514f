package io.memsafe.scan;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What a long scan tells the person waiting: on a terminal, a progress bar (phase, count, rate and
 * estimate) drawn by the progressbar library; otherwise (CI logs, files) a plain line per phase and per
 * tenth of a large analysis, so logs stay readable.
 */
public abstract class ScanProgress {
    /** Counts units of one phase; closing it ends the bar or the lines. */
    public interface Counter extends AutoCloseable {
        /** {@code n} units are done (called from the analysis threads). */
        void reached(int n);

        @Override
        void close();
    }

    /** A bar on a terminal; otherwise plain lines, for scans of {@code units} files large enough to take a while. */
    public static ScanProgress create(int units) {
        return System.console() != null ? new Terminal() : new Plain(units >= LARGE_SCAN_UNITS);
    }

    /** From this many files on, a scan takes minutes and says what it is doing even into a log. */
    private static final int LARGE_SCAN_UNITS = 50;

    public abstract void phase(String what);

    public abstract Counter counter(String task, int total);

    private static final class Terminal extends ScanProgress {
        @Override
        public void phase(String what) {
            System.err.println("memsafe: " + what + " ...");
        }

        @Override
        public Counter counter(String task, int total) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName("memsafe: " + task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" functions", 1).showSpeed().continuousUpdate()
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
            return new Counter() {
                @Override
                public synchronized void reached(int n) {
                    if (n > bar.getCurrent()) bar.stepTo(n);
                }

                @Override
                public void close() {
                    // functions analysed inside their callers' analyses are not counted one by one: done is done
                    bar.stepTo(total);
                    bar.close();
                }
            };
        }
    }

    private static final class Plain extends ScanProgress {
        /** Below this many functions a scan is quick and says nothing while it runs. */
        private static final int QUIET_BELOW = 500;
        private final boolean large;

        Plain(boolean large) {
            this.large = large;
        }

        @Override
        public void phase(String what) {
            // short scans (tests, single files) stay quiet, as compilers are
            if (large) System.err.println("memsafe: " + what);
        }

        @Override
        public Counter counter(String task, int total) {
            return new Counter() {
                private int lastTenth;

                @Override
                public synchronized void reached(int n) {
                    if (total < QUIET_BELOW) return;
                    int tenth = (int) (10L * n / total);
                    if (tenth > lastTenth) {
                        lastTenth = tenth;
                        System.err.println("memsafe: " + task + " " + n + "/" + total + " functions (" + tenth * 10 + "%)");
                    }
                }

                @Override
                public void close() { }
            };
        }
    }
}
