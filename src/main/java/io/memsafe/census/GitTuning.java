package io.memsafe.census;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * Sizes JGit's pack caches for reading many versions of the same files. The defaults (10 MiB of pack windows,
 * 10 MiB of delta bases) are meant for interactive use; walking a history re-inflates the same delta chains
 * again and again with them, which made history several times slower.
 */
public final class GitTuning {
    private static boolean installed;

    private GitTuning() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        long max = Runtime.getRuntime().maxMemory();
        WindowCacheConfig cfg = new WindowCacheConfig();
        cfg.setPackedGitLimit(Math.min(512L << 20, max / 4));
        cfg.setPackedGitWindowSize(64 << 10);
        cfg.setDeltaBaseCacheLimit((int) Math.min(256L << 20, max / 8));
        cfg.setStreamFileThreshold((int) Math.min(128L << 20, max / 8));
        cfg.install();
        installed = true;
    }
}
