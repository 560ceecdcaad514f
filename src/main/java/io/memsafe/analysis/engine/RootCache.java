package io.memsafe.analysis.engine;

import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Function;
import io.memsafe.ir.Variable;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Results of roots kept from an earlier scan. {@link ProgramAnalyzer} asks for a root's result before
 * analysing it and hands over each result it computed. The analysis of a root is a function of what
 * {@link Inputs} names (the code of every function and global it can reach, and the few whole-program
 * facts it reads about them), so a cache that keys results by the content of those inputs returns only
 * what the analysis would compute again.
 */
public interface RootCache {
    /**
     * What the analysis of {@code root} may read. {@code functions}: every function the root may reach,
     * itself included (through calls and through addresses taken on the way, see the call graph's reach);
     * {@code addressTaken}: those of them whose address some function of the program takes (a call
     * through a pointer may reach them); {@code globals}: the globals and static locals they and their
     * initialisers name; {@code written}: those of them some function of the program assigns or lets
     * escape; {@code callback}: the root is reached only through pointers (its parameters may be untrusted);
     * {@code facts}: whole-program facts its initial state holds, one line each ({@link GlobalTables}).
     */
    record Inputs(Function root, boolean callback, Set<Function> functions, Set<Function> addressTaken,
                  Set<Variable> globals, Set<Variable> written, Map<Function, Shape> shapes, java.util.List<String> facts) { }

    /**
     * What the analysis reads of a function it does not analyse in context (its call-graph facts): the
     * functions it names, the globals and static locals it names, whether it calls through a pointer.
     * Its statements are read only by an analysis that enters it, and those are in {@link Kept#read}.
     */
    record Shape(Set<Function> refs, Set<Variable> globals, boolean indirect) { }

    /**
     * A root's result: its findings, its notes (budget), the functions it analysed in context (the
     * second wave of roots is what no root covered), and the functions whose statements it read (itself
     * and every function analysed in context, in either attempt): a result stays valid while their code
     * and the other functions' {@link Shape}s stay the same. {@code members}: the untrusted values its analysis stored into struct
     * members ({@link UntrustedMembers}), which the scan's second analysis of the roots that read them needs.
     */
    record Kept(List<Finding> findings, List<Diagnostic> diagnostics, Set<Function> covered, Set<Function> read,
                Map<String, UntrustedMembers.Fact> members) { }

    /** The result kept for these inputs, or null. */
    Kept find(Inputs inputs);

    /** A result computed now; called only for results that do not depend on the machine's speed. */
    void keep(Inputs inputs, Kept result);

    /**
     * Before any root: what the analysis of any function may read, as {@link Inputs} of that function
     * taken as a root. A root's analysis can enter a function outside its own inputs (a call through a
     * pointer that a global's initialiser holds, when the unit that names the global linked to another
     * declaration of it): a cache may then check those functions' inputs too.
     */
    default void inputsOf(java.util.function.Function<Function, Inputs> of) { }
}
