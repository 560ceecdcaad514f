package io.memsafe.harden.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared verdict for DT_RPATH / DT_RUNPATH: an entry the attacker can write to, or one resolved against
 * the current directory (relative, or the empty entry), lets a local attacker plant a library.
 * $ORIGIN entries follow the binary and are treated as safe.
 */
final class ElfSearchPath {
    private ElfSearchPath() {}

    static Verdict verdict(List<String> entries) {
        if (entries == null) return new Verdict(false, true, null, null);
        List<String> relative = new ArrayList<>(), writable = new ArrayList<>();
        for (String entry : entries) {
            if (entry.isEmpty() || !(entry.startsWith("/") || entry.startsWith("$ORIGIN") || entry.startsWith("${ORIGIN}"))) {
                relative.add(entry);
            } else if (entry.startsWith("/") && worldWritable(entry)) {
                writable.add(entry);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paths", entries);
        details.put("relative", relative);
        details.put("writable", writable);
        return new Verdict(true, relative.isEmpty() && writable.isEmpty(), null, details);
    }

    private static boolean worldWritable(String dir) {
        try {
            Path p = Path.of(dir);
            return Files.isDirectory(p) && Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (Exception e) {
            return false;
        }
    }
}
