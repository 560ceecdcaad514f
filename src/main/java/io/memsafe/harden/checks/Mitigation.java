package io.memsafe.harden.checks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Everything a user sees about one check, declared once on its class (Error Prone's {@code @BugPattern}
 * shape), so the SARIF rule list, the JSON ids and the documentation are generated from the code.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Mitigation {
    /** Stable dotted id used in JSON, SARIF and policy files, e.g. {@code elf.pie}. Never rename. */
    String id();

    /** Formats and architectures the check applies to, e.g. "ELF x86-64", "PE32+"; elsewhere it says null. */
    String[] platforms();

    /** Kinds of binary the check applies to (policy kinds: executable, shared-library, exe, dll, driver, ...). */
    String[] kinds();

    /** Short column header for the text table. */
    String column();

    String title();

    /** What attack the mitigation stops or makes harder, and how the check decides. */
    String rationale();

    /** How to turn it on with gcc / clang / MSVC ("n/a" where the toolchain has no such switch). */
    String gcc();

    String clang();

    String msvc();

    /** The checksec (bash 2.x) column this matches, empty when checksec has none. */
    String checksec() default "";

    /** The BinSkim rule id(s) this corresponds to, empty when none. */
    String binskim() default "";

    /** The meaning of the JSON value, e.g. "true when the executable is position independent". */
    String value();
}
