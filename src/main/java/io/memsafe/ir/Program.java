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
    public final Map<String, Map<String, Function>> staticFunctions = new LinkedHashMap<>();
    public final List<Function> functions = new ArrayList<>();
    /** Global and static-local variables with their initialisers (as statements run at start-up). */
    public final List<Variable> globals = new ArrayList<>();
    public final Map<Variable, List<Stmt>> globalInits = new LinkedHashMap<>();

    public void add(Function f) {
        functions.add(f);
        if (f.isStatic) staticFunctions.computeIfAbsent(f.unit, u -> new LinkedHashMap<>()).put(f.name, f);
        else externalFunctions.putIfAbsent(f.name, f);
    }

    /** The definition a call from {@code unit} to {@code name} reaches, or null (library, unknown). */
    public Function resolve(String unit, String name) {
        Map<String, Function> st = staticFunctions.get(unit);
        if (st != null && st.containsKey(name)) return st.get(name);
        return externalFunctions.get(name);
    }
}
