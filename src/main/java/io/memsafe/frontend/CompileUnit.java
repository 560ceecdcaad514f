package io.memsafe.frontend;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One translation unit to parse, with the flags a compiler would have had: include directories and
 * macro definitions. {@code cplusplus} chooses the C++ parser.
 */
public record CompileUnit(Path file, List<Path> includeDirs, Map<String, String> defines, boolean cplusplus) {
    public static boolean isCplusplusFile(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".cpp") || n.endsWith(".cc") || n.endsWith(".cxx") || n.endsWith(".c++") || n.endsWith(".hpp");
    }
}
