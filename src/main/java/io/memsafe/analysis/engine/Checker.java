package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;

/**
 * A checker subscribes to events of the analysis engine and inspects the abstract values it is
 * handed; it never drives the analysis (Clang's analyzer keeps the same split). Implementations
 * carry a {@link Rule} annotation.
 */
public interface Checker {
    /** A load, a store, or a library function's read or write of a buffer. */
    default void onAccess(MemoryAccess access, Context ctx) { }

    /** A pointer is dereferenced (load, store, or a library function that requires a valid pointer). */
    default void onDereference(SourceLoc loc, Value pointer, String what, Context ctx) { }

    /** What a checker may ask the engine while it handles an event. */
    interface Context {
        /** Reports a finding of the calling checker; the engine adds the call stack to the trace. */
        void report(Checker checker, SourceLoc loc, String message, java.util.List<TraceStep> trace);
    }

    default Rule rule() { return getClass().getAnnotation(Rule.class); }
}
