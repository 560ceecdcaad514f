package io.memsafe.harden;

import io.memsafe.harden.checks.Verdict;

import java.util.List;
import java.util.Map;

/**
 * What memsafe found in one file: its format and kind, one {@link Verdict} per check (in catalogue order),
 * and the required checks the policy says are missing. A file that could not be analysed carries an
 * {@code error} and no verdicts.
 *
 * @param format   "elf" or "pe"; null when the file is neither
 * @param kind     e.g. executable, shared-library, kernel-module, exe, dll, driver
 * @param errorKind {@link ErrorKind} when the file could not be analysed
 */
public record BinaryReport(String path, String format, String kind, String machine, Integer bits, String endian,
                           Map<String, Verdict> verdicts, List<String> missing, List<String> warnings,
                           String error, ErrorKind errorKind) {

    public enum ErrorKind {
        /** Named explicitly but neither ELF nor PE (or missing / unreadable). */
        NOT_A_BINARY,
        /** ELF or PE whose structures are truncated or inconsistent. */
        MALFORMED,
        /** Could not be read (I/O error, too large). */
        UNREADABLE,
        /** A bug in memsafe; the message says what, never a stack trace. */
        INTERNAL
    }

    public static BinaryReport failed(String path, String format, ErrorKind kind, String message) {
        return new BinaryReport(path, format, null, null, null, null, Map.of(), List.of(), List.of(), message, kind);
    }

    public boolean analysed() {
        return error == null;
    }

    public boolean meetsPolicy() {
        return analysed() && missing.isEmpty();
    }
}
