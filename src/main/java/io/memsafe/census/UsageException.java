package io.memsafe.census;

/** Bad input that the user can fix (wrong path, unknown revision, shallow clone): message on stderr, exit 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
