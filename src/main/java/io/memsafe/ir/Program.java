package io.memsafe.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All translation units of one scan linked together: external functions and globals by name,
 * {@code static} ones kept per unit.
 */
public final class Program {
    public final Map<String, Function> externalFunctions = new LinkedHashMap<>();
    /** Per unit, the functions it defines (static or not) by name. */
    public final Map<String, Map<String, Function>> unitFunctions = new LinkedHashMap<>();
    public final List<Function> functions = new ArrayList<>();
    /** Global and static-local variables with their initialisers (as statements run at start-up). */
    public final List<Variable> globals = new ArrayList<>();
    public final Map<Variable, List<Stmt>> globalInits = new LinkedHashMap<>();

    /** The first function added per definition (name and place in the source). */
    private final Map<String, Function> byDefinition = new java.util.HashMap<>();

    /**
     * Adds a function definition. The same definition seen again from another unit (a file compiled
     * twice with other flags, a static inline function of a header) is not a function of its own: that
     * unit's calls reach the first copy, and the code is analysed once.
     */
    public void add(Function f) {
        Function same = byDefinition.putIfAbsent(f.name + "@" + f.loc, f);
        Function def = same != null ? same : f;
        unitFunctions.computeIfAbsent(f.unit, u -> new LinkedHashMap<>()).putIfAbsent(f.name, def);
        if (same != null) return;
        functions.add(f);
        if (!f.isStatic) externalFunctions.putIfAbsent(f.name, f);
    }

    /**
     * The definition a call from {@code unit} to {@code name} reaches, or null (library, unknown): the
     * unit's own definition first (static or not: several programs in one compile database may each
     * define a helper of the same name), then the first external one.
     */
    public Function resolve(String unit, String name) {
        Map<String, Function> st = unitFunctions.get(unit);
        if (st != null) {
            Function own = st.get(name);
            if (own != null) return own;
        }
        return externalFunctions.get(name);
    }
}
