package io.memsafe.models;

/** What a library function returns. */
public sealed interface Returns {
    /** Its argument (memcpy returns dst); {@code orNull}: or NULL (fgets at end of input). */
    record Argument(int arg, boolean orNull) implements Returns { }
    /** The length in elements of the string at {@code arg} (strlen). */
    record StringLength(int arg, int elem, int limitArg) implements Returns { }
    /**
     * A pointer into the string at {@code arg}, or NULL (strchr). The match lies before the string's
     * terminator when the character searched for, {@code args[charArg]}, cannot be NUL, or always
     * ({@code charArg == BEFORE_TERMINATOR}: strpbrk's set holds no NUL); a string with nothing before
     * its terminator then has no match, and the result is NULL. With {@code lengthArg} (memchr), the
     * match lies among the first {@code args[lengthArg]} elements.
     */
    record PointerInto(int arg, int elem, int charArg, int lengthArg) implements Returns {
        public static final int BEFORE_TERMINATOR = -2;
        public PointerInto(int arg, int elem, int charArg) { this(arg, elem, charArg, -1); }
        public PointerInto(int arg, int elem) { this(arg, elem, -1, -1); }
    }
    /** The block an Allocate / Reallocate / Duplicate effect made. */
    record Allocated() implements Returns { }
    /** An integer in [lo, hi]; {@code source} non-null marks it as untrusted input (rand, a read count). */
    record Range(long lo, long hi, String source, int boundArg) implements Returns { }
    /** A number parsed from the string at {@code arg} (atoi): untrusted when that string is. */
    record Parsed(int arg, long lo, long hi) implements Returns { }
    /** A pointer to a string the environment controls (getenv), or NULL. */
    record ExternalString(String source) implements Returns { }
    /**
     * An integer converted from a wire format's byte order ({@code ntohs}, {@code be32toh}): the
     * argument's {@code bits}-bit value with its bytes in host order. Unless the argument is a known
     * constant, it is a field read from a packet or a file: untrusted wherever it is found, as
     * Coverity's and CodeQL's network models treat it.
     */
    record WireInteger(int arg, int bits, boolean swapped) implements Returns { }
    /**
     * CONTAINING_RECORD / container_of: the record in which the object args[arg] points to sits at
     * byte offset args[offsetArg]. An address computation: it reads nothing, and a record the
     * analysis cannot place (a list head that is no such record) is a pointer it does not know.
     */
    record ContainingRecord(int arg, int offsetArg) implements Returns { }
    /** args[a] * args[b], plus args[plus] when plus >= 0 (struct_size's base), saturating at SIZE_MAX instead of wrapping. */
    record SaturatingProduct(int a, int b, int plus) implements Returns { }
    /** Nothing is known. */
    record Unknown() implements Returns { }
    /** How many of the first elements of the string at {@code arg} are (strspn) or are not (strcspn) in a set: at most its length. */
    record Span(int arg, int elem) implements Returns { }
    /**
     * The length a printf into a buffer gives (sprintf, snprintf: what the whole output takes, the
     * terminator excluded, whatever the limit cut), from its format at {@code fmtArg} and the arguments
     * after it; -1 to INT_MAX when the format is not a known one.
     */
    record Formatted(int fmtArg) implements Returns { }
}
