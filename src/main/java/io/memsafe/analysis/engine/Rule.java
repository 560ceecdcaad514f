package io.memsafe.analysis.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Everything a user sees about a checker, declared once on its class (as Error Prone's
 * {@code @BugPattern}): the SARIF rule list and the documentation are generated from these.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Rule {
    /** Stable rule id, e.g. "MS121". */
    String id();
    /** Short name, e.g. "StackBufferOverflow". */
    String name();
    int cwe();
    String title();
    /** Why this matters and what an attacker gains. */
    String rationale();
    /** "error" or "warning" (SARIF level). */
    String level() default "warning";
    /**
     * One report per object rather than per access: the first read of storage nothing has written
     * says all there is to say about it (as compilers' {@code -Wuninitialized} does); the reads after
     * it are the same defect. The object is the first step of the finding's trace (its declaration).
     */
    boolean oncePerObject() default false;
}
