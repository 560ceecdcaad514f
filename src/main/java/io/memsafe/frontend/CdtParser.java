package io.memsafe.frontend;

import io.memsafe.ir.DataModel;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.SourceLoc;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIncludeStatement;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.dom.ast.gnu.cpp.GPPLanguage;
import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.core.model.ILanguage;
import org.eclipse.cdt.core.parser.DefaultLogService;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.IScannerInfo;
import org.eclipse.cdt.core.parser.ScannerInfo;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs Eclipse CDT's preprocessor and parser on one translation unit. Includes are read from disk
 * (CDT's saved-files provider needs the Eclipse runtime); the C library's headers come from the
 * bundled prelude unless real system headers are asked for. Problems become diagnostics, never
 * exceptions: CDT parses what it can and marks the rest as problem nodes.
 */
public final class CdtParser {
    public static final String PRELUDE_DIR = "/__memsafe_prelude__";
    /**
     * The text served for a standard header: prelude.h (ISO C, the C++ library) followed by
     * prelude-posix.h (POSIX and glibc), two resources joined into one text so that a unit gets both
     * whichever standard header it includes first.
     */
    private static final String PRELUDE_TEXT = loadPrelude("prelude.h") + "\n" + loadPrelude("prelude-posix.h");
    private static final String WINDOWS_KERNEL_TEXT = loadPrelude("kernel-windows.h");
    private static final String LINUX_KERNEL_TEXT = loadPrelude("kernel-linux.h");
    /** Header names the prelude stands in for. */
    private static final Set<String> STANDARD_HEADERS = Set.of(
            "assert.h", "ctype.h", "errno.h", "float.h", "inttypes.h", "limits.h", "locale.h", "math.h",
            "setjmp.h", "signal.h", "stdarg.h", "stdbool.h", "stddef.h", "stdint.h", "stdio.h", "stdlib.h",
            "string.h", "strings.h", "time.h", "wchar.h", "wctype.h", "alloca.h", "malloc.h", "memory.h",
            "unistd.h", "fcntl.h", "sys/types.h", "sys/stat.h", "sys/socket.h", "sys/time.h", "sys/uio.h",
            "sys/ioctl.h", "sys/mman.h", "sys/wait.h", "netinet/in.h", "arpa/inet.h", "netdb.h", "dirent.h",
            "pthread.h", "poll.h", "sys/select.h", "termios.h", "libgen.h", "getopt.h", "endian.h", "byteswap.h",
            // POSIX and glibc headers whose declarations are in prelude-posix.h
            "sys/param.h", "net/if.h", "sys/un.h", "ifaddrs.h", "pwd.h", "grp.h", "fnmatch.h", "sched.h", "dlfcn.h",
            "utime.h", "syslog.h", "sys/resource.h", "sys/eventfd.h", "sys/xattr.h", "netinet/tcp.h", "netinet/udp.h",
            "glob.h", "langinfo.h", "libintl.h", "error.h", "sys/utsname.h", "sys/file.h", "sys/statvfs.h",
            "sys/sysinfo.h", "spawn.h", "sys/epoll.h", "sys/random.h", "sys/prctl.h", "err.h", "sysexits.h",
            "semaphore.h", "iconv.h", "regex.h", "sys/syscall.h", "termio.h",
            "cstdio", "cstdlib", "cstring", "cwchar", "cstddef", "cstdint", "climits", "cctype", "cmath",
            "ctime", "cassert", "cerrno", "cstdarg", "new", "iostream", "exception", "stdexcept",
            "vector", "list", "deque", "map", "memory", "utility", "string", "string_view", "span",
            "unordered_map", "set", "unordered_set", "queue", "stack", "array", "initializer_list", "type_traits",
            "limits", "iterator", "algorithm", "numeric", "functional", "tuple", "bitset", "atomic", "mutex",
            "shared_mutex", "condition_variable", "thread", "csignal", "cwctype", "clocale", "cinttypes", "cfloat",
            "ratio", "chrono", "optional", "ios", "iosfwd", "ostream", "istream", "sstream", "fstream", "iomanip");
    /**
     * Kernel preludes: the Windows (WDM, NTDDK, KMDF) and Linux kernel APIs, served for their header
     * names when the compile flags point at no real WDK or kernel tree, so drivers scan anywhere.
     */
    private static final Set<String> WINDOWS_KERNEL_HEADERS = Set.of(
            "ntddk.h", "wdm.h", "ntifs.h", "ntdef.h", "ntstatus.h", "ntintsafe.h", "ntstrsafe.h", "wdf.h", "wdfrequest.h",
            "wdmsec.h", "initguid.h", "devguid.h", "ntddser.h", "ntddstor.h", "ntddkbd.h", "ntddmou.h", "wmilib.h", "wmistr.h",
            "ntimage.h", "fltkernel.h", "wdmguid.h", "devioctl.h", "ntverp.h", "sal.h", "specstrings.h", "driverspecs.h",
            "wdftypes.h", "wdfdriver.h", "wdfdevice.h", "wdfio.h", "wdfmemory.h", "wdfobject.h", "usbdi.h", "usb.h", "wdfusb.h",
            "ntsafe.h", "intsafe.h", "strsafe.h", "procgrp.h", "wmiguid.h", "ntpoapi.h", "ntddndis.h");
    private static final List<Path> SYSTEM_INCLUDE_DIRS = List.of(
            Path.of("/usr/lib/gcc/x86_64-linux-gnu/12/include"), Path.of("/usr/local/include"),
            Path.of("/usr/include/x86_64-linux-gnu"), Path.of("/usr/include"));

    private final boolean systemHeaders;

    public CdtParser(boolean systemHeaders) {
        this.systemHeaders = systemHeaders;
    }

    /**
     * model: the data model the unit was parsed under, which its lowering must follow; lookedUp: every
     * path the preprocessing asked for (the unit's file, the headers it included, and the candidates of
     * the include path it found absent), with whether it was there: the unit parses the same while
     * those files are the same and the absent ones still absent.
     */
    public record Parsed(IASTTranslationUnit ast, List<Diagnostic> diagnostics, DataModel model, Map<String, Boolean> lookedUp) { }

    /**
     * Parses under the unit's data model; a unit whose flags state none gets the host's, unless it
     * includes the Windows kernel headers (served by the bundled prelude): a driver is built for
     * 64-bit Windows, so it is parsed again under LLP64.
     */
    public Parsed parse(CompileUnit unit) {
        DataModel model = unit.dataModel() != null ? unit.dataModel() : DataModel.host();
        DiskContentProvider provider = new DiskContentProvider();
        Parsed parsed = parse(unit, model, provider);
        if (unit.dataModel() == null && model != DataModel.LLP64 && provider.windowsKernelServed) {
            DiskContentProvider again = new DiskContentProvider();
            again.lookedUp.putAll(provider.lookedUp);
            parsed = parse(unit, DataModel.LLP64, again);
        }
        return parsed;
    }

    private Parsed parse(CompileUnit unit, DataModel model, DiskContentProvider provider) {
        List<Diagnostic> diags = new ArrayList<>();
        Path file = unit.file().toAbsolutePath().normalize();
        FileContent content;
        provider.lookedUp.put(file.toString(), Files.isRegularFile(file));
        try {
            char[] text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toCharArray();
            content = FileContent.create(file.toString(), text);
        } catch (IOException e) {
            diags.add(new Diagnostic(new SourceLoc(file.toString(), 0, 0), Diagnostic.Level.ERROR, "cannot read file: " + e.getMessage()));
            return new Parsed(null, diags, model, provider.lookedUp);
        }
        Map<String, String> defines = new HashMap<>();
        defines.put("__STDC__", "1");
        defines.put("__STDC_VERSION__", "201112L");
        // the type sizes GCC predefines: CDT reads them to evaluate sizeof in constant expressions
        // (an array bound such as [0x54 + sizeof(PVOID)]); without them such a bound is unknown
        defines.putAll(model.predefinedMacros());
        // C11's _Noreturn, which CDT's parser does not know: the attribute it stands for
        defines.put("_Noreturn", "__attribute__((noreturn))");
        if (systemHeaders) {
            defines.put("__GNUC__", "12");
            defines.put("__GNUC_MINOR__", "2");
            defines.put(model == DataModel.ILP32 ? "__i386__" : "__x86_64__", "1");
            defines.put("__linux__", "1");
            defines.put("__CHAR_BIT__", "8");
        }
        defines.putAll(unit.defines());
        List<String> inc = new ArrayList<>();
        for (Path p : unit.includeDirs()) inc.add(p.toAbsolutePath().normalize().toString());
        if (systemHeaders) for (Path p : SYSTEM_INCLUDE_DIRS) inc.add(p.toString());
        else inc.add(PRELUDE_DIR);
        IScannerInfo info = new ScannerInfo(defines, inc.toArray(new String[0]));
        ILanguage lang = unit.cplusplus() ? GPPLanguage.getDefault() : GCCLanguage.getDefault();
        IASTTranslationUnit ast;
        try {
            ast = lang.getASTTranslationUnit(content, info, provider, null,
                    ILanguage.OPTION_IS_SOURCE_UNIT | ILanguage.OPTION_NO_IMAGE_LOCATIONS, new DefaultLogService());
        } catch (Exception | StackOverflowError e) {
            diags.add(new Diagnostic(new SourceLoc(file.toString(), 0, 0), Diagnostic.Level.ERROR, "parser failed: " + e));
            return new Parsed(null, diags, model, provider.lookedUp);
        }
        for (IASTPreprocessorIncludeStatement s : ast.getIncludeDirectives()) {
            if (!s.isResolved() && s.isActive()) {
                diags.add(new Diagnostic(loc(s.getFileLocation()), Diagnostic.Level.WARNING,
                        "header not found: " + s.getName() + " (analysed without it)"));
            }
        }
        for (IASTProblem p : ast.getPreprocessorProblems()) {
            if (p.getID() == IASTProblem.PREPROCESSOR_INCLUSION_NOT_FOUND) continue;
            diags.add(new Diagnostic(loc(p.getFileLocation()), Diagnostic.Level.WARNING, "preprocessor: " + p.getMessage()));
        }
        return new Parsed(ast, diags, model, provider.lookedUp);
    }

    static SourceLoc loc(org.eclipse.cdt.core.dom.ast.IASTFileLocation fl) {
        if (fl == null) return SourceLoc.NONE;
        return SourceFiles.locate(fl.getFileName(), fl.getStartingLineNumber(), fl.getNodeOffset());
    }

    /** Included files read from disk, shared by all units of a scan (headers are read once, not once per unit). */
    private final Map<String, char[]> headerText = new java.util.concurrent.ConcurrentHashMap<>();
    private static final char[] NO_HEADER = new char[0];

    /**
     * Reads included files from disk; serves the prelude for standard headers. The prelude is one
     * guarded file behind every standard header name, so after its first inclusion in a unit it is
     * served empty: otherwise the preprocessor would lex all of it again for each header name only to
     * skip it.
     */
    private final class DiskContentProvider extends InternalFileContentProvider {
        private boolean preludeServed, windowsKernelServed, linuxKernelServed;
        /** Paths on disk asked for, and whether they were there (the prelude is part of memsafe's jar). */
        final Map<String, Boolean> lookedUp = new java.util.TreeMap<>();

        @Override
        public boolean getInclusionExists(String path) {
            if (path.startsWith(PRELUDE_DIR + "/")) return preludeFor(path.substring(PRELUDE_DIR.length() + 1)) != null;
            boolean there = Files.isRegularFile(Path.of(path));
            lookedUp.putIfAbsent(path, there);
            return there;
        }

        @Override
        public InternalFileContent getContentForInclusion(String path, IMacroDictionary macroDictionary) {
            if (!getInclusionExists(path)) return null;
            if (path.startsWith(PRELUDE_DIR + "/")) {
                String prelude = preludeFor(path.substring(PRELUDE_DIR.length() + 1));
                boolean served = switch (prelude) {
                    case "kernel-windows.h" -> windowsKernelServed;
                    case "kernel-linux.h" -> linuxKernelServed;
                    default -> preludeServed;
                };
                if (served) return (InternalFileContent) FileContent.create(path, new char[0]);
                String text = switch (prelude) {
                    case "kernel-windows.h" -> { windowsKernelServed = true; yield WINDOWS_KERNEL_TEXT; }
                    case "kernel-linux.h" -> { linuxKernelServed = true; yield LINUX_KERNEL_TEXT; }
                    default -> { preludeServed = true; yield PRELUDE_TEXT; }
                };
                return (InternalFileContent) FileContent.create(PRELUDE_DIR + "/" + prelude, text.toCharArray());
            }
            char[] text = headerText.computeIfAbsent(path, CdtParser::readHeader);
            return text == NO_HEADER ? null : (InternalFileContent) FileContent.create(path, text);
        }

        @Override
        public InternalFileContent getContentForInclusion(IIndexFileLocation ifl, String astPath) {
            return null;
        }
    }

    private static char[] readHeader(String path) {
        try {
            return new String(Files.readAllBytes(Path.of(path)), StandardCharsets.ISO_8859_1).toCharArray();
        } catch (IOException | RuntimeException e) {
            return NO_HEADER;
        }
    }

    /** The kernel's networking headers the Linux prelude stands in for (C libraries have other net/ headers). */
    private static final Set<String> KERNEL_NET_HEADERS = Set.of("net/genetlink.h", "net/netlink.h", "net/sock.h", "net/net_namespace.h");

    /** The bundled prelude that stands in for a header name, or null when none does. */
    static String preludeFor(String header) {
        if (STANDARD_HEADERS.contains(header)) return "prelude.h";
        String lower = header.toLowerCase(java.util.Locale.ROOT);
        if (WINDOWS_KERNEL_HEADERS.contains(lower) || lower.startsWith("wdf") && lower.endsWith(".h")) return "kernel-windows.h";
        if (header.startsWith("linux/") || header.startsWith("asm/") || header.startsWith("uapi/") || KERNEL_NET_HEADERS.contains(header)) return "kernel-linux.h";
        return null;
    }

    private static String loadPrelude(String name) {
        try (InputStream in = CdtParser.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("bundled prelude missing", e);
        }
    }
}
