package io.memsafe.frontend;

import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Function;
import io.memsafe.ir.Program;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * One translation unit's lowered code as bytes, for a later scan that finds the unit's inputs unchanged
 * ({@link UnitStore}): its functions, its globals' initialisers, its diagnostics, and how it declares
 * each global it names. Reading it back links it into the new scan's globals as lowering the unit would
 * have: a global another unit also names becomes the same variable object, a new one gets an id of this
 * scan, and a static local gets a fresh id (ids come from a counter all units of a scan share).
 *
 * <p>Java's own serialization: the IR is records and three small classes, without cycles through
 * records (a struct that contains a pointer to itself holds a placeholder), and its hooks
 * ({@code replaceObject}/{@code resolveObject}) are where the linking happens. Kryo would be faster
 * but needs the same hooks, and its record support has the same limits.
 */
public final class LoweredUnit {
    /** Changes when what is stored changes: old bytes then fail to read, and the unit is parsed again. */
    private static final int FORMAT = 2;

    private LoweredUnit() { }

    /** What a lowering left in its {@code part}, as bytes; null when something in it cannot be stored. */
    static byte[] encode(Program part, Lowering lowering, List<Diagnostic> diagnostics) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new Writer(new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED)), lowering.linkKeys)) {
            out.writeInt(FORMAT);
            List<Lowering.GlobalDeclaration> decls = new ArrayList<>(lowering.declared.values());
            out.writeObject(decls);
            out.writeObject(new ArrayList<>(lowering.defines));
            // the code holds the type of the variable each global linked to, which may be another unit's
            Map<String, Variable> linked = new HashMap<>();
            for (Map.Entry<Variable, String> e : lowering.linkKeys.entrySet()) {
                if (linked.put(e.getValue(), e.getKey()) != null) return null;
            }
            Map<String, io.memsafe.ir.Type> linkedTypes = new HashMap<>();
            linked.forEach((k, v) -> linkedTypes.put(k, v.type));
            out.writeObject(linkedTypes);
            out.writeObject(new ArrayList<>(part.functions));
            List<Variable> locals = new ArrayList<>();
            for (Variable v : part.globals) if (v.kind == Variable.Kind.STATIC_LOCAL) locals.add(v);
            out.writeObject(locals);
            out.writeObject(new LinkedHashMap<>(part.globalInits));
            out.writeObject(new ArrayList<>(diagnostics));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #encode} wrote into {@code part}, linking its globals into {@code globals}, and
     * returns its diagnostics; null when it cannot, or when a global the unit names now links to a
     * variable of another type than the stored code holds (another unit's declaration gave it its type,
     * and that unit changed). Then {@code part} holds at most the globals the linking created, which
     * parsing the unit into the same part links to again.
     */
    @SuppressWarnings("unchecked")
    static List<Diagnostic> decode(byte[] data, Lowering.GlobalSymbols globals, Program part) {
        try (Reader in = new Reader(new InflaterInputStream(new ByteArrayInputStream(data)), globals)) {
            if (in.readInt() != FORMAT) return null;
            List<Lowering.GlobalDeclaration> decls = (List<Lowering.GlobalDeclaration>) in.readObject();
            Set<String> defines = Set.copyOf((List<String>) in.readObject());
            Map<String, io.memsafe.ir.Type> linkedTypes = (Map<String, io.memsafe.ir.Type>) in.readObject();
            for (Lowering.GlobalDeclaration d : decls) {
                Variable v = globals.link(d.key(), d.name(), d.type(), d.isConst(), d.where(), part);
                if (defines.contains(d.key())) v.defined = true;
                in.linked.put(d.key(), v);
                // lowering now would write this variable's type into the code: the stored code must hold the same
                io.memsafe.ir.Type was = linkedTypes.get(d.key());
                if (was != null && v.type != was && !v.type.equals(was)) return null;
            }
            in.linking = true;
            List<Function> functions = (List<Function>) in.readObject();
            List<Variable> locals = (List<Variable>) in.readObject();
            Map<Variable, List<Stmt>> inits = (Map<Variable, List<Stmt>>) in.readObject();
            List<Diagnostic> diags = (List<Diagnostic>) in.readObject();
            functions.forEach(part::add);
            part.globals.addAll(locals);
            part.globalInits.putAll(inits);
            return diags;
        } catch (IOException | ClassNotFoundException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** A global named by its link key: how the stored code refers to a variable other units share. */
    private record GlobalRef(String key) implements Serializable { }

    private static final class Writer extends ObjectOutputStream {
        private final Map<Variable, String> linkKeys;

        Writer(OutputStream out, Map<Variable, String> linkKeys) throws IOException {
            super(out);
            this.linkKeys = linkKeys;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object o) throws IOException {
            if (o instanceof Variable v && v.kind == Variable.Kind.GLOBAL) {
                String key = linkKeys.get(v);
                if (key == null) throw new IOException("global " + v.name + " without a link key");
                return new GlobalRef(key);
            }
            return o;
        }
    }

    private static final class Reader extends ObjectInputStream {
        private final Lowering.GlobalSymbols globals;
        final Map<String, Variable> linked = new HashMap<>();
        /** Static locals by their id in the stored unit: two objects of one id (a fixed VLA bound) stay one id. */
        private final Map<Integer, Integer> ids = new HashMap<>();
        boolean linking;

        Reader(InputStream in, Lowering.GlobalSymbols globals) throws IOException {
            super(in);
            this.globals = globals;
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object o) throws IOException {
            if (!linking) return o;
            if (o instanceof GlobalRef r) {
                Variable v = linked.get(r.key());
                if (v == null) throw new IOException("global " + r.key() + " not declared by its unit");
                return v;
            }
            if (o instanceof Variable v && v.kind == Variable.Kind.STATIC_LOCAL) {
                int id = ids.computeIfAbsent(v.id, x -> globals.nextId());
                Variable fresh = new Variable(v.name, v.type, v.kind, v.declared, id);
                fresh.defined = v.defined;
                fresh.isConst = v.isConst;
                return fresh;
            }
            return o;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            // only what the IR is made of: the bytes come from a file anyone may have written
            String n = desc.getName();
            if (n.startsWith("io.memsafe.ir.") || n.startsWith("io.memsafe.frontend.LoweredUnit") || n.startsWith("io.memsafe.frontend.Lowering$")
                    || n.startsWith("java.util.") || n.startsWith("java.lang.") || n.startsWith("[")) {
                return super.resolveClass(desc);
            }
            throw new IOException("not part of a stored unit: " + n);
        }
    }
}
