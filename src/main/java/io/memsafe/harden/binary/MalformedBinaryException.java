package io.memsafe.harden.binary;

/**
 * A structure in the file points outside the file, overlaps itself or declares an impossible size.
 * Unchecked so that parsers stay readable; the scanner turns it into a per-file error, never a stack trace.
 */
public final class MalformedBinaryException extends RuntimeException {
    public MalformedBinaryException(String message) {
        super(message, null, false, false);
    }
}
