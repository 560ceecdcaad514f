package io.memsafe.frontend;

import io.memsafe.ir.DataModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One translation unit to parse, with the flags a compiler would have had: include directories and
 * macro definitions. {@code cplusplus} chooses the C++ parser. {@code dataModel} is the model the
 * flags or the user state (a target triple, {@code -m32}, {@code cl.exe}, {@code --data-model});
 * null when nothing does, and the parser then takes the host's, or LLP64 for a unit that turns out
 * to include the Windows kernel headers.
 */
public record CompileUnit(Path file, List<Path> includeDirs, Map<String, String> defines, boolean cplusplus, DataModel dataModel) {
    public CompileUnit(Path file, List<Path> includeDirs, Map<String, String> defines, boolean cplusplus) {
        this(file, includeDirs, defines, cplusplus, null);
    }

    public CompileUnit withDataModel(DataModel model) {
        return new CompileUnit(file, includeDirs, defines, cplusplus, model);
    }

    public static boolean isCplusplusFile(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".cpp") || n.endsWith(".cc") || n.endsWith(".cxx") || n.endsWith(".c++") || n.endsWith(".hpp");
    }
}
