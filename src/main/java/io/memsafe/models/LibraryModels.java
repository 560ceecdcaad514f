package io.memsafe.models;

import io.memsafe.models.Effect.AppendString;
import io.memsafe.models.Effect.CopyString;
import io.memsafe.models.Effect.Fill;
import io.memsafe.models.Effect.Len;
import io.memsafe.models.Effect.ReadBytes;
import io.memsafe.models.Effect.ReadString;
import io.memsafe.models.Effect.StoreEnd;
import io.memsafe.models.Effect.WriteBytes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The C library as the analysis knows it: string.h, wchar.h, stdlib.h, stdio.h and the POSIX input
 * functions, in one table. Untrusted-input sources (fgets, read, recv, scanf, getenv, rand, ...) are
 * models like any other: their writes and results are marked as coming from outside.
 */
public final class LibraryModels {
    private static final Map<String, FunctionModel> MODELS = new HashMap<>();
    private static final int RAND_MAX = 2147483647;
    private static final long INT_MIN = Integer.MIN_VALUE, INT_MAX = Integer.MAX_VALUE;

    private LibraryModels() { }

    public static FunctionModel get(String name) { return name == null ? null : MODELS.get(name); }

    /** The argument the modelled function {@code name} releases, or -1 (no model, or not a deallocator). */
    public static int releasedArgument(String name) {
        FunctionModel m = get(name);
        return m == null ? -1 : m.releasedArgument();
    }

    /** The functions that open a stream (the family of the storage they return; fclose or pclose releases it). */
    public static final List<String> STREAM_OPENERS = List.of("fopen", "fdopen", "tmpfile", "popen");

    private static void def(String name, Returns ret, boolean pure, Effect... effects) {
        MODELS.put(name, new FunctionModel(name, List.of(effects), ret, pure));
    }

    private static Len arg(int i) { return new Len.Arg(i, 1); }

    private static Len elems(int i, long elem) { return new Len.Arg(i, elem); }

    private static Returns argument(int i) { return new Returns.Argument(i, false); }

    private static Returns unknown() { return new Returns.Unknown(); }

    private static Returns range(long lo, long hi) { return new Returns.Range(lo, hi, null, -1); }

    static {
        // ---- memory blocks (string.h, wchar.h)
        // std::copy, copy_n, fill and fill_n over raw pointers, as frontend/AlgorithmLowering calls them
        // (memmove's and memset's arguments; the names, not link names, say what the source called)
        for (String n : List.of("memcpy", "memmove", "std::copy (as memmove)")) {
            def(n, argument(0), false, new ReadBytes(1, arg(2)), new WriteBytes(0, arg(2), Fill.COPY, 1, 1));
        }
        for (String n : List.of("wmemcpy", "wmemmove")) {
            def(n, argument(0), false, new ReadBytes(1, elems(2, 4)), new WriteBytes(0, elems(2, 4), Fill.COPY, 1, 4));
        }
        for (String n : List.of("memset", "std::fill (as memset)")) def(n, argument(0), false, new WriteBytes(0, arg(2), Fill.BYTE_ARG, 1, 1));
        def("wmemset", argument(0), false, new WriteBytes(0, elems(2, 4), Fill.BYTE_ARG, 1, 4));
        def("bzero", unknown(), false, new WriteBytes(0, arg(1), Fill.BYTE_ARG, -1, 1));
        def("memcmp", range(INT_MIN, INT_MAX), true, new ReadBytes(0, arg(2)), new ReadBytes(1, arg(2)));
        def("wmemcmp", range(INT_MIN, INT_MAX), true, new ReadBytes(0, elems(2, 4)), new ReadBytes(1, elems(2, 4)));
        def("memchr", new Returns.PointerInto(0, 1, -1, 2), true, new ReadBytes(0, arg(2)));

        // ---- strings: char (elem 1) and wide (elem 4) forms side by side
        String[][] pairs = {{"str", "1"}, {"wcs", "4"}};
        for (String[] p : pairs) {
            String s = p[0];
            int e = Integer.parseInt(p[1]);
            def(s + "cpy", argument(0), false, new CopyString(0, 1, e, -1));
            def(s + "ncpy", argument(0), false, new CopyString(0, 1, e, 2));
            def(s + "cat", argument(0), false, new AppendString(0, 1, e, -1));
            def(s + "ncat", argument(0), false, new AppendString(0, 1, e, 2));
            def(s + "len", new Returns.StringLength(0, e, -1), true, new ReadString(0, e, -1));
            def(s + "nlen", new Returns.StringLength(0, e, 1), true, new ReadString(0, e, 1));
            def(s + "cmp", range(INT_MIN, INT_MAX), true, new ReadString(0, e, -1), new ReadString(1, e, -1));
            def(s + "ncmp", range(INT_MIN, INT_MAX), true, new ReadString(0, e, 2), new ReadString(1, e, 2));
            def(s + "chr", new Returns.PointerInto(0, e, 1), true, new ReadString(0, e, -1));
            def(s + "rchr", new Returns.PointerInto(0, e, 1), true, new ReadString(0, e, -1));
            def(s + "str", new Returns.PointerInto(0, e), true, new ReadString(0, e, -1), new ReadString(1, e, -1));
            def(s + "pbrk", new Returns.PointerInto(0, e, Returns.PointerInto.BEFORE_TERMINATOR), true, new ReadString(0, e, -1), new ReadString(1, e, -1));
            def(s + "spn", new Returns.Span(0, e), true, new ReadString(0, e, -1), new ReadString(1, e, -1));
            def(s + "cspn", new Returns.Span(0, e), true, new ReadString(0, e, -1), new ReadString(1, e, -1));
            def(s + "dup", new Returns.Allocated(), false, new ReadString(0, e, -1), new Effect.Duplicate(0, e, -1));
        }
        // truncating copies that always terminate: strlcpy returns the source's length, strscpy the count or -E2BIG
        def("strlcpy", new Returns.StringLength(1, 1, -1), false, new Effect.CopyBoundedString(0, 1, 1, 2, true));
        def("wcslcpy", new Returns.StringLength(1, 4, -1), false, new Effect.CopyBoundedString(0, 1, 4, 2, false));
        def("strndup", new Returns.Allocated(), false, new ReadString(0, 1, 1), new Effect.Duplicate(0, 1, 1));
        def("strcasecmp", range(INT_MIN, INT_MAX), true, new ReadString(0, 1, -1), new ReadString(1, 1, -1));
        def("strcoll", range(INT_MIN, INT_MAX), true, new ReadString(0, 1, -1), new ReadString(1, 1, -1));

        // ---- formatted output into buffers
        def("sprintf", new Returns.Formatted(1), false, new Effect.Format(0, -1, 1, 1));
        def("snprintf", new Returns.Formatted(2), false, new Effect.Format(0, 1, 2, 1));
        def("vsprintf", range(-1, INT_MAX), false, new Effect.Format(0, -1, 1, 1));
        def("vsnprintf", range(-1, INT_MAX), false, new Effect.Format(0, 1, 2, 1));
        def("swprintf", range(-1, INT_MAX), false, new Effect.Format(0, 1, 2, 4));
        def("vswprintf", range(-1, INT_MAX), false, new Effect.Format(0, 1, 2, 4));
        for (String n : List.of("printf", "vprintf", "wprintf", "vwprintf")) def(n, range(-1, INT_MAX), true);
        for (String n : List.of("fprintf", "vfprintf", "fwprintf", "vfwprintf", "dprintf")) def(n, range(-1, INT_MAX), true);
        def("puts", range(-1, INT_MAX), true, new Effect.PrintString(0, 1));
        def("fputs", range(-1, INT_MAX), true, new Effect.PrintString(0, 1));
        def("fputws", range(-1, INT_MAX), true, new Effect.PrintString(0, 4));
        // output: -1 (0 for fwrite) or at most the count asked for, so a test of the result tells failure from success
        // and they read the bytes they send: a count past the buffer sends what lies beyond it (an over-read, a leak)
        def("write", new Returns.Range(-1, INT_MAX, null, 2), true, new ReadBytes(1, arg(2)));
        def("send", new Returns.Range(-1, INT_MAX, null, 2), true, new ReadBytes(1, arg(2)));
        def("sendto", new Returns.Range(-1, INT_MAX, null, 2), true, new ReadBytes(1, arg(2)));
        def("fwrite", new Returns.Range(0, INT_MAX, null, 2), true, new ReadBytes(0, new Len.Product(1, 2)));
        for (String n : List.of("puts", "fputs", "fputws", "putchar", "fputc", "putc", "perror", "fflush", "fclose",
                "fwrite", "write", "send", "sendto", "close", "shutdown", "listen", "bind", "connect", "socket",
                "srand", "sleep", "remove", "unlink", "rename", "feof", "ferror", "rewind", "fseek", "ftell",
                "htons", "htonl", "inet_addr", "abs", "labs", "system", "isalpha", "isdigit",
                "isalnum", "isspace", "isupper", "islower", "isprint", "isxdigit", "toupper", "tolower",
                "iswdigit", "iswspace", "getpid", "access", "time", "clock", "open", "creat", "fopen", "fdopen",
                "popen", "pclose", "tmpfile", "lseek", "atexit", "signal", "setlocale")) {
            if (!MODELS.containsKey(n)) def(n, unknown(), true);
        }

        // ---- allocation (stdlib.h)
        def("malloc", new Returns.Allocated(), false, new Effect.Allocate(arg(0), "malloc", false, false, true));
        def("calloc", new Returns.Allocated(), false, new Effect.Allocate(new Len.Product(0, 1), "malloc", false, true, true));
        def("realloc", new Returns.Allocated(), false, new Effect.Reallocate(0, arg(1)));
        def("aligned_alloc", new Returns.Allocated(), false, new Effect.Allocate(arg(1), "malloc", false, false, true));
        def("alloca", new Returns.Allocated(), false, new Effect.Allocate(arg(0), "alloca", true, false, false));
        def("free", unknown(), false, new Effect.Deallocate(0, "malloc"));
        // locks: they touch the lock only
        for (String n : List.of("pthread_mutex_lock", "pthread_mutex_trylock", "pthread_mutex_unlock", "pthread_rwlock_rdlock",
                "pthread_rwlock_wrlock", "pthread_rwlock_unlock", "pthread_spin_lock", "pthread_spin_unlock", "EnterCriticalSection",
                "LeaveCriticalSection", "AcquireSRWLockExclusive", "AcquireSRWLockShared", "ReleaseSRWLockExclusive", "ReleaseSRWLockShared"))
            def(n, unknown(), false, new Effect.Lock(0, -1));
        for (String n : List.of("exit", "abort", "_exit", "_Exit", "quick_exit")) def(n, unknown(), true, new Effect.NoReturn());
        // setjmp.h: setjmp fills its buffer (an unseen call writing it); longjmp goes back to it, never returning
        for (String n : List.of("longjmp", "_longjmp", "siglongjmp")) def(n, unknown(), true, new Effect.NoReturn());
        // err.h and error.h: report and exit (error() and error_at_line() only with a status other than 0)
        for (String n : List.of("err", "errx", "verr", "verrx")) def(n, unknown(), true, new Effect.NoReturn());
        for (String n : List.of("error", "error_at_line")) def(n, unknown(), true, new Effect.NoReturn(0));

        // ---- integers read from a wire format: network and fixed byte order to host order
        def("ntohs", new Returns.WireInteger(0, 16, true), true);
        def("ntohl", new Returns.WireInteger(0, 32, true), true);
        def("RtlUshortByteSwap", new Returns.WireInteger(0, 16, true), true);
        // the compilers' checked arithmetic (the Linux kernel's check_*_overflow): true when it did not fit
        def("__builtin_add_overflow", new Returns.Range(0, 1, null, -1), false, new Effect.CheckedArithmetic(io.memsafe.ir.Expr.BinOp.ADD, 0, 1, 2));
        def("__builtin_sub_overflow", new Returns.Range(0, 1, null, -1), false, new Effect.CheckedArithmetic(io.memsafe.ir.Expr.BinOp.SUB, 0, 1, 2));
        def("__builtin_mul_overflow", new Returns.Range(0, 1, null, -1), false, new Effect.CheckedArithmetic(io.memsafe.ir.Expr.BinOp.MUL, 0, 1, 2));
        def("RtlUlongByteSwap", new Returns.WireInteger(0, 32, true), true);
        def("RtlUlonglongByteSwap", new Returns.WireInteger(0, 64, true), true);
        def("_byteswap_ushort", new Returns.WireInteger(0, 16, true), true);
        def("_byteswap_ulong", new Returns.WireInteger(0, 32, true), true);
        def("_byteswap_uint64", new Returns.WireInteger(0, 64, true), true);
        for (int bits : new int[] {16, 32, 64}) {
            def("be" + bits + "toh", new Returns.WireInteger(0, bits, true), true);
            def("le" + bits + "toh", new Returns.WireInteger(0, bits, false), true);
            def("bswap_" + bits, new Returns.WireInteger(0, bits, true), true);
            def("__builtin_bswap" + bits, new Returns.WireInteger(0, bits, true), true);
            // the Linux kernel's byte-order conversions (a little-endian host swaps only the big-endian ones)
            def("be" + bits + "_to_cpu", new Returns.WireInteger(0, bits, true), true);
            def("le" + bits + "_to_cpu", new Returns.WireInteger(0, bits, false), true);
            def("swab" + bits, new Returns.WireInteger(0, bits, true), true);
        }

        // ---- untrusted input sources
        def("fgets", new Returns.Argument(0, true), false, new Effect.ReadLine(0, 1, 1));
        def("gets", new Returns.Argument(0, true), false, new Effect.ReadLine(0, -1, 1));
        def("fgetws", new Returns.Argument(0, true), false, new Effect.ReadLine(0, 1, 4));
        def("fread", new Returns.Range(0, INT_MAX, "fread", 2), false, new WriteBytes(0, new Len.Product(1, 2), Fill.TAINTED, -1, 1));
        def("read", new Returns.Range(-1, INT_MAX, "read", 2), false, new WriteBytes(1, arg(2), Fill.TAINTED, -1, 1));
        def("recv", new Returns.Range(-1, INT_MAX, "recv", 2), false, new WriteBytes(1, arg(2), Fill.TAINTED, -1, 1));
        def("recvfrom", new Returns.Range(-1, INT_MAX, "recvfrom", 2), false, new WriteBytes(1, arg(2), Fill.TAINTED, -1, 1));
        def("scanf", range(-1, INT_MAX), false, new Effect.Scan(0, 1, 1, -1));
        def("fscanf", range(-1, INT_MAX), false, new Effect.Scan(1, 2, 1, -1));
        def("sscanf", range(-1, INT_MAX), false, new ReadString(0, 1, -1), new Effect.Scan(1, 2, 1, 0));
        def("wscanf", range(-1, INT_MAX), false, new Effect.Scan(0, 1, 4, -1));
        def("fwscanf", range(-1, INT_MAX), false, new Effect.Scan(1, 2, 4, -1));
        def("swscanf", range(-1, INT_MAX), false, new ReadString(0, 4, -1), new Effect.Scan(1, 2, 4, 0));
        def("getenv", new Returns.ExternalString("getenv"), true, new ReadString(0, 1, -1));
        def("rand", new Returns.Range(0, RAND_MAX, "rand", -1), true);
        def("random", new Returns.Range(0, RAND_MAX, "random", -1), true);
        for (String n : List.of("fgetc", "getc", "getchar")) def(n, new Returns.Range(-1, 255, n, -1), true);
        def("fgetwc", new Returns.Range(-1, INT_MAX, "fgetwc", -1), true);
        def("atoi", new Returns.Parsed(0, INT_MIN, INT_MAX), true, new ReadString(0, 1, -1));
        for (String n : List.of("atol", "atoll")) def(n, new Returns.Parsed(0, Long.MIN_VALUE, Long.MAX_VALUE), true, new ReadString(0, 1, -1));
        for (String n : List.of("strtol", "strtoll")) def(n, new Returns.Parsed(0, Long.MIN_VALUE, Long.MAX_VALUE), false, new ReadString(0, 1, -1), new StoreEnd(1));
        for (String n : List.of("strtoul", "strtoull")) def(n, new Returns.Parsed(0, 0, Long.MAX_VALUE), false, new ReadString(0, 1, -1), new StoreEnd(1));
        def("wcstol", new Returns.Parsed(0, Long.MIN_VALUE, Long.MAX_VALUE), false, new ReadString(0, 4, -1), new StoreEnd(1));
        def("wcstoul", new Returns.Parsed(0, 0, Long.MAX_VALUE), false, new ReadString(0, 4, -1), new StoreEnd(1));

        // ---- streams: fopen may fail, and these functions need a stream that is not NULL
        for (String n : STREAM_OPENERS) def(n, new Returns.Allocated(), false, new Effect.OpenStream());
        // closing a stream releases it: a use afterwards (fgetc, fprintf, a second fclose) is a use of freed storage
        for (String n : List.of("fclose", "pclose")) def(n, range(-1, INT_MAX), false, new Effect.Deallocate(0, n));
        Map<String, Integer> streamArg = new HashMap<>();
        for (String n : List.of("fclose", "fprintf", "vfprintf", "fwprintf", "vfwprintf", "fseek", "ftell", "rewind", "fgetc", "getc",
                "fgetwc", "feof", "ferror", "fscanf", "fwscanf", "pclose")) streamArg.put(n, 0);
        for (String n : List.of("fputs", "fputws", "fputc", "putc")) streamArg.put(n, 1);
        for (String n : List.of("fgets", "fgetws")) streamArg.put(n, 2);
        for (String n : List.of("fread", "fwrite")) streamArg.put(n, 3);
        Map<String, Integer> formatArg = new HashMap<>();
        for (String n : List.of("printf", "vprintf", "wprintf", "vwprintf")) formatArg.put(n, 0);
        for (String n : List.of("fprintf", "vfprintf", "fwprintf", "vfwprintf", "dprintf", "sprintf", "vsprintf")) formatArg.put(n, 1);
        for (String n : List.of("snprintf", "vsnprintf", "swprintf", "vswprintf")) formatArg.put(n, 2);
        for (Map.Entry<String, Integer> e : formatArg.entrySet()) {
            FunctionModel m = MODELS.get(e.getKey());
            List<Effect> effects = new ArrayList<>(m.effects());
            effects.add(new Effect.FormatArg(e.getValue(), e.getKey().contains("wprintf") ? 4 : 1));
            MODELS.put(m.name(), new FunctionModel(m.name(), List.copyOf(effects), m.returns(), m.pure()));
        }
        KernelModels.addTo(MODELS);
        for (Map.Entry<String, Integer> e : streamArg.entrySet()) {
            FunctionModel m = MODELS.get(e.getKey());
            if (m == null) continue;
            List<Effect> effects = new ArrayList<>(m.effects());
            effects.add(0, new Effect.UsesStream(e.getValue()));
            MODELS.put(m.name(), new FunctionModel(m.name(), List.copyOf(effects), m.returns(), m.pure()));
        }
    }

    /** Every modelled function name, sorted (for documentation and tests). */
    public static List<String> names() {
        List<String> l = new ArrayList<>(MODELS.keySet());
        l.sort(null);
        return l;
    }
}
