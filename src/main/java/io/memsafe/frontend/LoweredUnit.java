package io.memsafe.frontend;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Function;
import io.memsafe.ir.Program;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Variable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * One translation unit's lowered code as bytes, for a later scan that finds the unit's inputs unchanged
 * ({@link UnitStore}): its functions, its globals' initialisers, its diagnostics, and how it declares
 * each global it names. Reading it back links it into the new scan's globals as lowering the unit would
 * have: a global another unit also names becomes the same variable object, a new one gets an id of this
 * scan, and a static local gets a fresh id (ids come from a counter all units of a scan share).
 *
 * <p>Reading is in two steps, so that a scan can read many units at once and still link them in input
 * order: {@link #link} reads the unit's declarations and links them (in input order, it is cheap), and
 * takes the ids of the unit's static locals; {@link Linked#read} then reads the code, on any thread.
 *
 * <p>Kryo ({@link IrKryo}) rather than Java's serialization: reading the 487 stored units of curl was
 * the largest part of a rescan after an edit that Java's serialization made (its per-object class
 * descriptors and record constructors through method handles).
 */
public final class LoweredUnit {
    /** Changes when what is stored changes: old bytes then fail to read, and the unit is parsed again. */
    private static final int FORMAT = 3;

    static {
        // Kryo's Unsafe buffers would make Java warn on standard error at the first use (JEP 471)
        if (System.getProperty("kryo.unsafe") == null) System.setProperty("kryo.unsafe", "false");
    }

    private LoweredUnit() { }

    /** What a lowering left in its {@code part}, as bytes; null when something in it cannot be stored. */
    static byte[] encode(Program part, Lowering lowering, List<Diagnostic> diagnostics) {
        // the code holds the type of the variable each global linked to, which may be another unit's
        Map<String, Variable> linked = new HashMap<>();
        for (Map.Entry<Variable, String> e : lowering.linkKeys.entrySet()) {
            if (linked.put(e.getValue(), e.getKey()) != null) return null;
        }
        HashMap<String, io.memsafe.ir.Type> linkedTypes = new HashMap<>();
        linked.forEach((k, v) -> linkedTypes.put(k, v.type));
        ArrayList<Variable> locals = new ArrayList<>();
        for (Variable v : part.globals) if (v.kind == Variable.Kind.STATIC_LOCAL) locals.add(v);
        IrKryo k = IrKryo.POOL.obtain();
        Output code = new Output(1 << 16, -1);
        try {
            k.startWriting(lowering.linkKeys);
            k.writeObject(code, new ArrayList<>(lowering.declared.values()));
            k.writeObject(code, new ArrayList<>(lowering.defines));
            k.writeObject(code, linkedTypes);
            k.writeObject(code, new ArrayList<>(part.functions));
            k.writeObject(code, locals);
            k.writeObject(code, new LinkedHashMap<>(part.globalInits));
            k.writeObject(code, new ArrayList<>(diagnostics));
            // every static local written is one whose id the lowering took
            if (!lowering.staticLocals.keySet().containsAll(k.staticIds)) return null;
        } catch (RuntimeException | StackOverflowError e) {
            if (System.getenv("MEMSAFE_DEBUG_CACHE") != null) System.err.println("memsafe-cache: unit not stored: " + e);
            return null;
        } finally {
            k.done();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(code.position() / 4 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeInt(lowering.staticLocals.size());
            for (Map.Entry<Integer, Integer> e : lowering.staticLocals.entrySet()) {
                out.writeInt(e.getKey());
                out.writeInt(e.getValue());
            }
            out.write(code.getBuffer(), 0, code.position());
        } catch (IOException e) {
            return null;
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #encode} wrote into {@code part}, linking its globals into {@code globals}, and
     * returns its diagnostics; null when it cannot, or when a global the unit names now links to a
     * variable of another type than the stored code holds (another unit's declaration gave it its type,
     * and that unit changed).
     */
    static List<Diagnostic> decode(byte[] data, Lowering.GlobalSymbols globals, Program part) {
        Linked l = link(data, globals, part);
        return l == null ? null : l.read();
    }

    /**
     * The first step of {@link #decode}, in input order: the unit's declarations linked into
     * {@code globals} and its static locals' ids taken, in the order its lowering took them (so the
     * ids are those a parse would give); null, with nothing linked, when the unit cannot be taken.
     */
    @SuppressWarnings("unchecked")
    static Linked link(byte[] data, Lowering.GlobalSymbols globals, Program part) {
        Inflater inflater = new Inflater();
        IrKryo k = IrKryo.POOL.obtain();
        boolean handedOver = false;
        try {
            InflaterInputStream raw = new InflaterInputStream(new ByteArrayInputStream(data), inflater, 1 << 16);
            DataInputStream head = new DataInputStream(raw);
            if (head.readInt() != FORMAT) return null;
            int statics = head.readInt();
            if (statics < 0 || statics > data.length) return null;
            int[] staticIds = new int[statics], positions = new int[statics];
            for (int i = 0; i < statics; i++) {
                staticIds[i] = head.readInt();
                positions[i] = head.readInt();
            }
            Input in = new Input(raw, 1 << 16);
            List<Lowering.GlobalDeclaration> decls = k.readObject(in, ArrayList.class);
            Set<String> defines = Set.copyOf((List<String>) k.readObject(in, ArrayList.class));
            Map<String, io.memsafe.ir.Type> linkedTypes = k.readObject(in, HashMap.class);
            // lowering now would write the type of the variable each global links to into the code: the
            // stored code must hold the same (checked before linking anything, so that a unit not taken
            // is parsed as if it had never been read)
            for (Lowering.GlobalDeclaration d : decls) {
                io.memsafe.ir.Type was = linkedTypes.get(d.key()), now = globals.linkedType(d.key(), d.type());
                if (was != null && now != was && !now.equals(was)) return null;
            }
            // the globals linked and the static locals' ids taken in the order the lowering took them
            Map<String, Variable> linked = new HashMap<>();
            int next = 0;
            for (int j = 0; j <= decls.size(); j++) {
                for (; next < statics && positions[next] <= j; next++) k.ids.put(staticIds[next], globals.nextId());
                if (j == decls.size()) break;
                Lowering.GlobalDeclaration d = decls.get(j);
                Variable v = globals.link(d.key(), d.name(), d.type(), d.isConst(), d.where(), part);
                if (defines.contains(d.key())) v.defined = true;
                linked.put(d.key(), v);
            }
            k.startReading(linked);
            handedOver = true;
            return new Linked(k, in, inflater, part);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return null;
        } finally {
            if (!handedOver) {
                k.done();
                inflater.end();
            }
        }
    }

    /** A unit whose declarations are linked, its code still to read. */
    static final class Linked {
        private final IrKryo kryo;
        private final Input in;
        private final Inflater inflater;
        private final Program part;

        private Linked(IrKryo kryo, Input in, Inflater inflater, Program part) {
            this.kryo = kryo;
            this.in = in;
            this.inflater = inflater;
            this.part = part;
        }

        /** Reads the code into the part (on any thread, once) and returns the unit's diagnostics; null when it cannot. */
        @SuppressWarnings("unchecked")
        List<Diagnostic> read() {
            try {
                List<Function> functions = kryo.readObject(in, ArrayList.class);
                List<Variable> locals = kryo.readObject(in, ArrayList.class);
                Map<Variable, List<Stmt>> inits = kryo.readObject(in, LinkedHashMap.class);
                List<Diagnostic> diags = kryo.readObject(in, ArrayList.class);
                functions.forEach(part::add);
                part.globals.addAll(locals);
                part.globalInits.putAll(inits);
                return diags;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                return null;
            } finally {
                kryo.done();
                inflater.end();
            }
        }
    }
}
