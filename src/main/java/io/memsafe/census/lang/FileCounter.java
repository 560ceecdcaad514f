package io.memsafe.census.lang;

import java.util.Optional;

/** Counts one file's lines: language detection, binary check, then the language's scanner. */
public final class FileCounter {

    /** Like git and cloc: a NUL byte near the start marks a binary file, which is not counted. */
    private static final int BINARY_PROBE = 8000;

    private FileCounter() {
    }

    /**
     * The key under which a file's counts can be cached together with its content id: the language when the path
     * decides it, a marker when the content must be read, empty when the file is of no counted type.
     */
    public static Optional<String> pathKey(String path) {
        String base = LanguageTable.baseName(path);
        if (LanguageTable.needsContent(path)) {
            return Optional.of(LanguageTable.extensionOf(base) == null ? "#shebang" : "#header");
        }
        return LanguageTable.detect(path, null).map(Language::name);
    }

    /** Counts a file; empty if its type is not counted or it is binary. */
    public static Optional<BlobCounts> count(String path, byte[] content) {
        if (isBinary(content)) {
            return Optional.empty();
        }
        Optional<Language> lang = LanguageTable.detect(path, content);
        if (lang.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(count(lang.get(), content));
    }

    public static BlobCounts count(Language lang, byte[] content) {
        LineKinds kinds;
        RustUnsafe unsafe = RustUnsafe.NONE;
        if (lang.isRust()) {
            RustLexer.Result r = RustLexer.lex(content);
            kinds = r.kinds();
            unsafe = r.unsafe();
        } else {
            kinds = LineScanner.scan(content, lang.syntax());
        }
        return new BlobCounts(lang.name(), kinds.count(LineKinds.CODE), kinds.count(LineKinds.COMMENT),
                kinds.count(LineKinds.BLANK), unsafe);
    }

    public static boolean isBinary(byte[] content) {
        int limit = Math.min(content.length, BINARY_PROBE);
        for (int i = 0; i < limit; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
