package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@Mitigation(id = "elf.fortify", platforms = {"ELF with glibc, all architectures"}, kinds = {"executable", "shared-library", "relocatable"},
        column = "Fortify", title = "FORTIFY_SOURCE checked libc calls",
        rationale = "With _FORTIFY_SOURCE the compiler replaces libc calls whose destination size it knows "
                + "(memcpy, strcpy, sprintf, read, ...) by __*_chk variants that abort on overflow. The check "
                + "compares the __*_chk functions the binary imports with the fortifiable glibc functions it "
                + "imports. Needs optimisation (-O1 or higher); nothing fortifiable imported means not applicable.",
        gcc = "-O2 -D_FORTIFY_SOURCE=2 (or =3 with gcc 12+)", clang = "-O2 -D_FORTIFY_SOURCE=2", msvc = "n/a",
        checksec = "FORTIFY", binskim = "BA3030",
        value = "true: some __*_chk imported; false: only unchecked fortifiable functions; null: none; details count both")
public final class ElfFortifySource implements ElfCheck {
    /** glibc 2.36's exported __X_chk functions (readelf -Ws libc.so.6), i.e. the calls FORTIFY can check. */
    static final Set<String> FORTIFIABLE = Set.of("asprintf", "confstr", "dprintf", "explicit_bzero", "fdelt", "fgets",
            "fgets_unlocked", "fgetws", "fgetws_unlocked", "fprintf", "fread", "fread_unlocked", "fwprintf", "getcwd",
            "getdomainname", "getgroups", "gethostname", "getlogin_r", "gets", "getwd", "longjmp", "mbsnrtowcs",
            "mbsrtowcs", "mbstowcs", "memcpy", "memmove", "mempcpy", "memset", "obstack_printf", "obstack_vprintf",
            "poll", "ppoll", "pread", "pread64", "printf", "ptsname_r", "read", "readlink", "readlinkat", "realpath",
            "recv", "recvfrom", "snprintf", "sprintf", "stpcpy", "stpncpy", "strcat", "strcpy", "strncat", "strncpy",
            "swprintf", "syslog", "ttyname_r", "vasprintf", "vdprintf", "vfprintf", "vfwprintf", "vprintf",
            "vsnprintf", "vsprintf", "vswprintf", "vsyslog", "vwprintf", "wcpcpy", "wcpncpy", "wcrtomb", "wcscat",
            "wcscpy", "wcsncat", "wcsncpy", "wcsnrtombs", "wcsrtombs", "wcstombs", "wctomb", "wmemcpy", "wmemmove",
            "wmempcpy", "wmemset", "wprintf");

    @Override
    public Verdict evaluate(ElfImage elf) {
        if (elf.type() == ElfImage.ET_CORE) return Verdict.notApplicable("core dump");
        if (elf.isKernelModule()) {
            return Verdict.notApplicable("the kernel's FORTIFY_SOURCE is inline (fortify_panic), not glibc's __*_chk calls");
        }
        // Dynamically linked: what the object imports (libc itself defines both variants and imports neither).
        // Static or relocatable: every symbol, since the checked functions are linked in or left undefined.
        // A separate debug-info file has an emptied .dynsym: it imports nothing, whatever its .symtab says.
        boolean importsOnly = elf.hasDynamicSymbolTable();
        List<ElfImage.Symbol> symbols = importsOnly ? elf.dynamicSymbols() : elf.staticSymbols();
        Set<String> fortified = new TreeSet<>(), unfortified = new TreeSet<>();
        for (ElfImage.Symbol s : symbols) {
            if (importsOnly && s.defined()) continue;
            String name = s.name();
            if (name.startsWith("__") && name.endsWith("_chk")) {
                String base = name.substring(2, name.length() - 4);
                if (FORTIFIABLE.contains(base)) fortified.add(base);
            } else if (FORTIFIABLE.contains(name)) {
                unfortified.add(name);
            }
        }
        Map<String, Object> details = Map.of("fortified", fortified.size(),
                "fortifiable", fortified.size() + unfortified.size(),
                "fortified_functions", List.copyOf(fortified), "unfortified_functions", List.copyOf(unfortified));
        if (fortified.isEmpty() && unfortified.isEmpty()) {
            return new Verdict(null, null, "no fortifiable libc function is called", details);
        }
        return new Verdict(!fortified.isEmpty(), !fortified.isEmpty(), null, details);
    }
}
