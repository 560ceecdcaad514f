package io.memsafe.frontend;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.FieldSerializer;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.objenesis.strategy.StdInstantiatorStrategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kryo set up for the IR of {@link LoweredUnit}: every IR record, enum and class registered (in a fixed
 * order, so the bytes name classes by number), references on (the code shares types, variables and
 * blocks, and blocks form cycles), and a serializer of {@link Variable} that does the linking: a global
 * is written as its link key and read back as the variable the new scan linked that key to, a static
 * local gets an id of the new scan. Anything else in the IR (a collection class not registered here)
 * makes encoding fail, and that unit is then parsed on every scan rather than stored wrong.
 *
 * <p>One instance serves one unit at a time ({@link #POOL}); it keeps references across its
 * top-level reads until {@link #done}, so the header and the code of a unit, read in two steps, share
 * their objects as they did when written.
 */
final class IrKryo extends Kryo {
    static final Pool<IrKryo> POOL = new Pool<>(true, false, 16) {
        @Override
        protected IrKryo create() {
            return new IrKryo();
        }
    };

    /** Writing: each global variable's link key. */
    Map<Variable, String> linkKeys;
    /** Writing: the ids of the static locals written. */
    final Set<Integer> staticIds = new HashSet<>();
    /** Reading: the variable each link key names in the new scan (null until the unit is linked). */
    Map<String, Variable> linked;
    /** Reading: the id of this scan of each stored static-local id. */
    final Map<Integer, Integer> ids = new HashMap<>();

    private IrKryo() {
        setRegistrationRequired(true);
        setReferences(true);
        setAutoReset(false);
        // Function and BasicBlock have no constructor without arguments
        setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        register(ArrayList.class);
        register(LinkedHashMap.class);
        register(HashMap.class);
        register(HashSet.class);
        register(LinkedHashSet.class);
        register(java.util.TreeSet.class);
        register(java.util.TreeMap.class);
        register(Collections.EMPTY_LIST.getClass());
        register(Collections.EMPTY_SET.getClass());
        register(Collections.EMPTY_MAP.getClass());
        // Set.of, Map.of (and List.of, read back below with nulls allowed)
        ImmutableCollectionsSerializers.registerSerializers(this);
        ImmutableList list = new ImmutableList();
        register(List.of().getClass(), list);
        register(List.of(1).getClass(), list);
        register(List.of(1, 2, 3).getClass(), list);
        register(Variable.class, new VariableSerializer());
        register(Variable.Kind.class);
        register(Function.class, new FieldSerializer<>(this, Function.class));
        register(BasicBlock.class, new FieldSerializer<>(this, BasicBlock.class));
        register(SourceLoc.class);
        register(Diagnostic.class);
        register(Diagnostic.Level.class);
        register(Lowering.GlobalDeclaration.class);
        register(Function.Extent.class);
        for (Class<?> c : List.of(Type.class, Expr.class, Stmt.class, Lvalue.class)) registerNested(c);
    }

    /** A class's nested records and enums, and theirs, in name order. */
    private void registerNested(Class<?> outer) {
        List<Class<?>> nested = new ArrayList<>(Arrays.asList(outer.getDeclaredClasses()));
        nested.sort(java.util.Comparator.comparing(Class::getName));
        for (Class<?> c : nested) {
            if (c.isRecord() || c.isEnum()) register(c);
            registerNested(c);
        }
    }

    void startWriting(Map<Variable, String> keys) {
        linkKeys = keys;
    }

    void startReading(Map<String, Variable> keys) {
        linked = keys;
    }

    /** Back to the pool: references and linking state dropped. */
    void done() {
        reset();
        linkKeys = null;
        linked = null;
        staticIds.clear();
        ids.clear();
        POOL.free(this);
    }

    /** {@code List.of} and {@code Stream.toList} lists: read back as {@code List.of}, or unmodifiable when they hold null. */
    private static final class ImmutableList extends Serializer<List<?>> {
        ImmutableList() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, List<?> list) {
            output.writeVarInt(list.size(), true);
            for (Object o : list) kryo.writeClassAndObject(output, o);
        }

        @Override
        public List<?> read(Kryo kryo, Input input, Class<? extends List<?>> type) {
            int n = input.readVarInt(true);
            Object[] items = new Object[n];
            boolean nulls = false;
            for (int i = 0; i < n; i++) {
                items[i] = kryo.readClassAndObject(input);
                nulls |= items[i] == null;
            }
            return nulls ? Collections.unmodifiableList(Arrays.asList(items)) : List.of(items);
        }
    }

    /**
     * A global as its link key, every other variable by its fields. The fields are listed here, so a
     * field added to {@link Variable} must be added here too (a test checks the list).
     */
    private static final class VariableSerializer extends Serializer<Variable> {
        VariableSerializer() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, Variable v) {
            IrKryo k = (IrKryo) kryo;
            if (v.kind == Variable.Kind.GLOBAL) {
                String key = k.linkKeys.get(v);
                if (key == null) throw new KryoException("global " + v.name + " without a link key");
                output.writeBoolean(true);
                output.writeString(key);
                return;
            }
            output.writeBoolean(false);
            output.writeString(v.name);
            kryo.writeClassAndObject(output, v.type);
            kryo.writeObject(output, v.kind);
            kryo.writeObjectOrNull(output, v.declared, SourceLoc.class);
            output.writeVarInt(v.id, false);
            output.writeBoolean(v.defined);
            output.writeBoolean(v.isConst);
            if (v.kind == Variable.Kind.STATIC_LOCAL) k.staticIds.add(v.id);
        }

        @Override
        public Variable read(Kryo kryo, Input input, Class<? extends Variable> type) {
            IrKryo k = (IrKryo) kryo;
            if (input.readBoolean()) {
                String key = input.readString();
                Variable v = k.linked == null ? null : k.linked.get(key);
                if (v == null) throw new KryoException("global " + key + " not declared by its unit");
                return v;
            }
            String name = input.readString();
            Type t = (Type) kryo.readClassAndObject(input);
            Variable.Kind kind = kryo.readObject(input, Variable.Kind.class);
            SourceLoc declared = kryo.readObjectOrNull(input, SourceLoc.class);
            int id = input.readVarInt(false);
            if (kind == Variable.Kind.STATIC_LOCAL) {
                // two objects of one id (a fixed VLA bound) stay one id
                Integer fresh = k.ids.get(id);
                if (fresh == null) throw new KryoException("static local " + name + " the unit did not list");
                id = fresh;
            }
            Variable v = new Variable(name, t, kind, declared, id);
            v.defined = input.readBoolean();
            v.isConst = input.readBoolean();
            return v;
        }
    }
}
