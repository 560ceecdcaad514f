package io.memsafe.census.lang;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.memsafe.census.lang.Safety.OTHER;
import static io.memsafe.census.lang.Safety.SAFE;
import static io.memsafe.census.lang.Safety.UNSAFE;

/**
 * The one declarative table of languages: file extensions and names, comment syntax and memory-safety class.
 * Names and extensions follow cloc so that per-language counts can be compared with it directly; the one
 * deliberate difference is that cloc's "C/C++ Header" is split into C, C++ or Objective-C by looking at the
 * header's contents, the way GitHub linguist does, because the memory-unsafe share needs to know which
 * language a header belongs to (and both are memory-unsafe, so the share itself is unaffected).
 */
public final class LanguageTable {

    private static final List<Language> ALL = List.of(
            // memory-unsafe
            lang("C", UNSAFE, Syntax.C_LIKE, "c", "cats", "ec", "idc", "pgc"),
            lang("C++", UNSAFE, Syntax.C_LIKE, "cpp", "cc", "cxx", "c++", "inl", "ipp", "pcc", "tcc", "tpp", "hh", "hpp", "hxx", "h++"),
            lang("Objective-C", UNSAFE, Syntax.C_LIKE, "m"),
            lang("Objective-C++", UNSAFE, Syntax.C_LIKE, "mm"),
            lang("Assembly", UNSAFE, Syntax.ASSEMBLY, "asm", "s", "nasm", "a51"),
            // memory-safe
            lang("Rust", SAFE, Syntax.RUST, "rs", "rs.in"),
            lang("Go", SAFE, Syntax.GO, "go"),
            lang("Java", SAFE, Syntax.C_LIKE, "java"),
            lang("Kotlin", SAFE, Syntax.NESTED_C_LIKE, "kt", "kts", "ktm"),
            lang("C#", SAFE, Syntax.C_LIKE, "cs"),
            lang("Swift", SAFE, Syntax.NESTED_C_LIKE, "swift"),
            lang("Scala", SAFE, Syntax.C_LIKE, "scala", "sbt"),
            lang("Dart", SAFE, Syntax.C_LIKE, "dart"),
            lang("Python", SAFE, Syntax.PYTHON, "py", "pyi", "pyw", "py3", "gyp", "gypi"),
            lang("Ruby", SAFE, Syntax.HASH, "rb", "rake", "gemspec"),
            lang("JavaScript", SAFE, Syntax.JS, "js", "mjs", "cjs"),
            lang("TypeScript", SAFE, Syntax.JS, "ts", "tsx"),
            lang("PHP", SAFE, Syntax.C_LIKE, "php"),
            lang("Haskell", SAFE, Syntax.HASKELL, "hs"),
            lang("OCaml", SAFE, Syntax.ML, "ml", "mli"),
            lang("Elixir", SAFE, Syntax.HASH, "ex", "exs"),
            lang("Lua", SAFE, Syntax.LUA, "lua"),
            lang("Perl", SAFE, Syntax.HASH, "pl", "pm"),
            // other: scripts, build files, markup, data
            lang("Bourne Shell", OTHER, Syntax.HASH_PLAIN, "sh"),
            lang("Bourne Again Shell", OTHER, Syntax.HASH_PLAIN, "bash"),
            lang("zsh", OTHER, Syntax.HASH_PLAIN, "zsh"),
            lang("Fish Shell", OTHER, Syntax.HASH_PLAIN, "fish"),
            lang("CMake", OTHER, Syntax.HASH, "cmake", "cmake.in").withNames("CMakeLists.txt"),
            lang("make", OTHER, Syntax.HASH_PLAIN, "mk", "am").withNames("Makefile", "makefile", "GNUmakefile", "Gnumakefile"),
            lang("Meson", OTHER, Syntax.HASH, "meson.build").withNames("meson.build"),
            lang("Dockerfile", OTHER, Syntax.HASH_PLAIN, "dockerfile").withNames("Dockerfile"),
            lang("Markdown", OTHER, Syntax.MARKUP, "md", "markdown", "mdx"),
            lang("reStructuredText", OTHER, Syntax.NONE, "rst", "rest"),
            lang("Text", OTHER, Syntax.NONE, "txt", "text"),
            lang("HTML", OTHER, Syntax.MARKUP, "html", "htm"),
            lang("XML", OTHER, Syntax.MARKUP, "xml", "plist", "xsd", "xsl"),
            lang("CSS", OTHER, Syntax.C_LIKE, "css"),
            lang("JSON", OTHER, Syntax.NONE, "json"),
            lang("YAML", OTHER, Syntax.HASH, "yml", "yaml", "clang-format", "clang-tidy"),
            lang("TOML", OTHER, Syntax.HASH, "toml"),
            lang("SQL", OTHER, Syntax.SQL, "sql"),
            lang("Protocol Buffers", OTHER, Syntax.C_LIKE, "proto"),
            lang("vim script", OTHER, Syntax.VIM, "vim"),
            lang("Lisp", OTHER, Syntax.LISP, "el", "lisp", "lsp"),
            lang("Nix", OTHER, new Syntax(List.of("#"), "/*", "*/", false, "\"", true, false, false), "nix"),
            lang("PO File", OTHER, Syntax.HASH_PLAIN, "po", "pot"));

    private static final Map<String, Language> BY_NAME = new HashMap<>();
    private static final Map<String, Language> BY_EXTENSION = new HashMap<>();
    private static final Map<String, Language> BY_FILE_NAME = new HashMap<>();

    static {
        for (Language l : ALL) {
            BY_NAME.put(l.name(), l);
            for (String e : l.extensions()) {
                BY_EXTENSION.put(e, l);
            }
            for (String f : l.fileNames()) {
                BY_FILE_NAME.put(f, l);
            }
        }
    }

    private LanguageTable() {
    }

    private static Language lang(String name, Safety safety, Syntax syntax, String... extensions) {
        return new Language(name, safety, syntax, List.of(extensions), List.of());
    }

    public static List<Language> all() {
        return Collections.unmodifiableList(ALL);
    }

    public static Optional<Language> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The safety class of a language name; unknown names (e.g. from an older store) count as {@link Safety#OTHER}. */
    public static Safety safetyOf(String name) {
        Language l = BY_NAME.get(name);
        return l == null ? OTHER : l.safety();
    }

    /** Whether the language can be decided from the path alone, so the content need not be read. */
    public static boolean needsContent(String path) {
        String base = baseName(path);
        if (BY_FILE_NAME.containsKey(base)) {
            return false;
        }
        String ext = extensionOf(base);
        return ext == null || ext.equals("h");
    }

    /**
     * Decides the language of a file from its path and, where the path is ambiguous ({@code .h}, no extension),
     * from its contents. Returns empty for files that are not counted (unknown types).
     *
     * @param content the file's bytes; may be {@code null} when {@link #needsContent(String)} is false
     */
    public static Optional<Language> detect(String path, byte[] content) {
        String base = baseName(path);
        Language named = BY_FILE_NAME.get(base);
        if (named != null) {
            return Optional.of(named);
        }
        String ext = extensionOf(base);
        if (ext == null) {
            return content == null ? Optional.empty() : fromShebang(content);
        }
        if (ext.equals("h")) {
            return Optional.of(content == null ? BY_NAME.get("C") : HeaderClassifier.classify(content));
        }
        Language byDouble = BY_EXTENSION.get(doubleExtensionOf(base));
        if (byDouble != null) {
            return Optional.of(byDouble);
        }
        return Optional.ofNullable(BY_EXTENSION.get(ext));
    }

    private static final Pattern SHEBANG = Pattern.compile("^#!\\s*(?:/usr)?(?:/local)?/bin/(?:env\\s+)?(\\w+)");

    private static Optional<Language> fromShebang(byte[] content) {
        if (content.length < 3 || content[0] != '#' || content[1] != '!') {
            return Optional.empty();
        }
        int end = 0;
        while (end < content.length && end < 200 && content[end] != '\n') {
            end++;
        }
        var m = SHEBANG.matcher(new String(content, 0, end, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return Optional.empty();
        }
        String interp = m.group(1);
        String lang = switch (interp.replaceAll("[0-9.]+$", "")) {
            case "sh", "dash" -> "Bourne Shell";
            case "bash" -> "Bourne Again Shell";
            case "zsh" -> "zsh";
            case "fish" -> "Fish Shell";
            case "python" -> "Python";
            case "perl" -> "Perl";
            case "ruby" -> "Ruby";
            case "node" -> "JavaScript";
            default -> null;
        };
        return Optional.ofNullable(lang == null ? null : BY_NAME.get(lang));
    }

    static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Lower-cased last extension; {@code null} if none. cloc maps upper-case {@code .S} to Assembly too. */
    static String extensionOf(String base) {
        int dot = base.lastIndexOf('.');
        if (dot <= 0 || dot == base.length() - 1) {
            return null;
        }
        return base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String doubleExtensionOf(String base) {
        int last = base.lastIndexOf('.');
        if (last <= 0) {
            return "";
        }
        int prev = base.lastIndexOf('.', last - 1);
        return prev < 0 ? "" : base.substring(prev + 1).toLowerCase(Locale.ROOT);
    }

    /** All language names, for listing in a fixed order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Language l : ALL) {
            names.add(l.name());
        }
        return names;
    }
}
