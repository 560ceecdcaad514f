package io.memsafe.census.lang;

import java.util.List;

/**
 * Comment and string syntax of a language, as far as line counting needs it.
 *
 * @param lineComments markers that comment out the rest of the line
 * @param blockOpen opening marker of a block comment, or {@code null}
 * @param blockClose closing marker of a block comment, or {@code null}
 * @param nestedBlocks whether block comments nest (Rust, Haskell, Swift)
 * @param quotes characters that delimit string literals; comment markers inside them are not comments
 * @param escapes whether a backslash escapes the next character inside strings
 * @param tripleQuotedComments whether {@code """..."""} / {@code '''...'''} count as comments,
 *        as cloc does for Python docstrings
 * @param rust use the dedicated Rust lexer (raw strings, lifetimes, nested comments)
 */
public record Syntax(List<String> lineComments, String blockOpen, String blockClose, boolean nestedBlocks,
                     String quotes, boolean escapes, boolean tripleQuotedComments, boolean rust) {

    public static final Syntax C_LIKE = new Syntax(List.of("//"), "/*", "*/", false, "\"'", true, false, false);
    public static final Syntax NESTED_C_LIKE = new Syntax(List.of("//"), "/*", "*/", true, "\"", true, false, false);
    public static final Syntax RUST = new Syntax(List.of("//"), "/*", "*/", true, "\"", true, false, true);
    public static final Syntax GO = new Syntax(List.of("//"), "/*", "*/", false, "\"'`", true, false, false);
    public static final Syntax JS = new Syntax(List.of("//"), "/*", "*/", false, "\"'`", true, false, false);
    public static final Syntax PYTHON = new Syntax(List.of("#"), null, null, false, "\"'", true, true, false);
    /** Hash comments, strings recognised (Ruby, Perl, YAML, CMake, TOML). */
    public static final Syntax HASH = new Syntax(List.of("#"), null, null, false, "\"'", true, false, false);
    /** Hash comments without string awareness: cloc strips {@code #.*$} in shell scripts regardless of quotes. */
    public static final Syntax HASH_PLAIN = new Syntax(List.of("#"), null, null, false, "", false, false, false);
    public static final Syntax ASSEMBLY = new Syntax(List.of(";", "#", "//"), "/*", "*/", false, "\"", true, false, false);
    public static final Syntax SQL = new Syntax(List.of("--"), "/*", "*/", false, "'\"", false, false, false);
    public static final Syntax LUA = new Syntax(List.of("--"), "--[[", "]]", false, "\"'", true, false, false);
    public static final Syntax HASKELL = new Syntax(List.of("--"), "{-", "-}", true, "\"", true, false, false);
    public static final Syntax ML = new Syntax(List.of(), "(*", "*)", true, "\"", true, false, false);
    public static final Syntax MARKUP = new Syntax(List.of(), "<!--", "-->", false, "", false, false, false);
    public static final Syntax VIM = new Syntax(List.of("\""), null, null, false, "", false, false, false);
    public static final Syntax NONE = new Syntax(List.of(), null, null, false, "", false, false, false);
    public static final Syntax LISP = new Syntax(List.of(";"), "#|", "|#", true, "\"", true, false, false);
}
