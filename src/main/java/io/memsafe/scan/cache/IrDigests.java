package io.memsafe.scan.cache;

import io.memsafe.ir.Function;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A content digest of each function's lowered code and of each global's initialiser: what the analysis
 * reads of them. Keys of {@link ResultCache} name these digests rather than the digest of a whole
 * translation unit, so that an edit inside one function body changes only that function's digest: in a
 * unity build (curl's {@code unity_0_c.c} includes every {@code lib/*.c}) a unit digest changes with any
 * edit and takes every root's result with it.
 *
 * <p>The digest is taken over the IR object graph itself, by reflection (records by their components,
 * other IR classes by their fields, objects met again by their first ordinal), so that a component
 * another change adds to the IR is covered without touching this class. What it leaves out, and why:
 * <ul>
 * <li>a global's or static local's {@code id}, type and link flags: ids come from a counter the
 *     parallel lowerings share, and which declaration of a global gives the linked variable its type is
 *     a race; the keys name globals by name and kind, with their most complete type and their
 *     initialisers' digests ({@link ResultCache});</li>
 * <li>nothing else: a struct is digested with its whole layout (fields, offsets, the structs it
 *     points to), once per struct object.</li>
 * </ul>
 * Text positions are part of the IR (every statement's line and column), so an edit that moves later
 * code changes the digests of the functions it moved: their findings' locations move too.
 */
public final class IrDigests {
    private final Map<Function, String> functions = new ConcurrentHashMap<>();
    /** Per initialiser list (identity: statements compare types by value, which may recurse). */
    private final Map<List<Stmt>, String> initialisers = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
    /** Per struct object (identity: a struct's record equality may recurse through pointers to itself). */
    private final Map<Type.Struct, String> structs = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private final Map<Function, String> signatures = new ConcurrentHashMap<>();

    /** The digest of a function's code: its signature, parameters, blocks and statements, with places. */
    public String of(Function f) {
        return functions.computeIfAbsent(f, x -> digest(x));
    }

    /** A digest of a function without its statements: every field but its blocks, and how many blocks it has. */
    public String signature(Function f) {
        return signatures.computeIfAbsent(f, this::printSignature);
    }

    /**
     * Digests an earlier scan took of the same code ({@link UnitCache}: a unit whose inputs did not
     * change lowers to the same code, and a digest is a function of the unit's code alone); null
     * leaves that one to be computed.
     */
    void known(Function f, String code, String signature) {
        if (code != null) functions.putIfAbsent(f, code);
        if (signature != null) signatures.putIfAbsent(f, signature);
    }

    void knownInitialiser(List<Stmt> init, String digest) {
        if (digest != null) initialisers.putIfAbsent(init, digest);
    }

    /** The digests taken so far (null: not taken), to keep for the next scan. */
    String taken(Function f) { return functions.get(f); }

    String takenSignature(Function f) { return signatures.get(f); }

    String takenInitialiser(List<Stmt> init) { return initialisers.get(init); }

    private String printSignature(Function f) {
        StringBuilder sb = new StringBuilder();
        Printer p = new Printer(sb, false);
        for (Field x : fields(Function.class)) {
            if (x.getName().equals("blocks") || x.getName().equals("entry") || x.getName().equals("exit")) continue;
            sb.append(x.getName()).append('=');
            try {
                p.print(x.get(f));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("digest of a function", e);
            }
            sb.append(';');
        }
        return sha256(sb.append("blocks=").append(f.blocks.size()).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of a global's initialiser statements. */
    public String ofInitialiser(List<Stmt> init) {
        String d = initialisers.get(init);
        if (d == null) {
            d = digest(init);
            initialisers.putIfAbsent(init, d);
        }
        return d;
    }

    private String digest(Object root) {
        StringBuilder sb = new StringBuilder();
        new Printer(sb, false).print(root);
        if (System.getenv("MEMSAFE_DEBUG_IR") != null) System.err.println("memsafe-ir: " + sb);
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String struct(Type.Struct s) {
        String d = structs.get(s);
        if (d == null) {
            StringBuilder sb = new StringBuilder();
            new Printer(sb, true).print(s);
            d = sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
            structs.put(s, d);
        }
        return d;
    }

    /**
     * Writes an object graph as text: each object once, later references as {@code @n} (its ordinal),
     * so cycles (blocks, structs that point to themselves) end and the text is a function of the graph.
     */
    private final class Printer {
        private final StringBuilder out;
        private final Map<Object, Integer> seen = new IdentityHashMap<>();
        /** Printing a struct's own layout: nested structs in full (a struct's digest covers all it reaches). */
        private final boolean layout;

        Printer(StringBuilder out, boolean layout) {
            this.out = out;
            this.layout = layout;
        }

        void print(Object o) {
            switch (o) {
                case null -> out.append("null");
                case String s -> out.append(s.length()).append('"').append(s);
                case Number n -> out.append(n.getClass().getSimpleName().charAt(0)).append(n);
                case Boolean b -> out.append(b);
                case Character c -> out.append('\'').append(c);
                case Enum<?> e -> out.append(e.name());
                case List<?> l -> {
                    out.append('[');
                    for (Object x : l) {
                        print(x);
                        out.append(',');
                    }
                    out.append(']');
                }
                // sets and maps: in the order of their elements' text, whatever their iteration order
                case Collection<?> c -> unordered('{', c);
                case Map<?, ?> m -> unordered('<', m.entrySet());
                case Map.Entry<?, ?> e -> {
                    print(e.getKey());
                    out.append("=>");
                    print(e.getValue());
                }
                default -> object(o);
            }
        }

        private void unordered(char open, Collection<?> c) {
            List<String> texts = new ArrayList<>();
            for (Object x : c) {
                StringBuilder one = new StringBuilder();
                new Printer(one, layout).print(x);
                texts.add(one.toString());
            }
            java.util.Collections.sort(texts);
            out.append(open);
            for (String t : texts) out.append(t.length()).append(':').append(t);
            out.append(open);
        }

        private void object(Object o) {
            Integer n = seen.get(o);
            if (n != null) {
                out.append('@').append(n);
                return;
            }
            seen.put(o, seen.size());
            if (o instanceof Type.Struct s && !layout) {
                out.append("struct ").append(struct(s));
                return;
            }
            if (o instanceof Variable v && v.isGlobalStorage()) {
                // see the class comment: the key's global lines describe it by name and kind
                out.append("global ").append(v.kind).append(' ');
                print(v.name);
                return;
            }
            Class<?> c = o.getClass();
            out.append(c.getSimpleName()).append('(');
            if (c.isRecord()) {
                for (Component rc : components(c)) {
                    out.append(rc.name()).append('=');
                    try {
                        print(rc.accessor().invoke(o));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("digest of " + c.getName(), e);
                    }
                    out.append(';');
                }
            } else if (c.getName().startsWith("io.memsafe.")) {
                for (Field f : fields(c)) {
                    out.append(f.getName()).append('=');
                    try {
                        print(f.get(o));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("digest of " + c.getName(), e);
                    }
                    out.append(';');
                }
            } else {
                throw new IllegalStateException("digest of a " + c.getName() + " in the IR");
            }
            out.append(')');
        }
    }

    private record Component(String name, java.lang.reflect.Method accessor) { }

    private static final Map<Class<?>, List<Component>> COMPONENTS = new ConcurrentHashMap<>();

    /**
     * A record class's components in declaration order, looked up once: {@link Class#getRecordComponents}
     * builds them anew on each call, which made most of a digest's time.
     */
    private static List<Component> components(Class<?> c) {
        return COMPONENTS.computeIfAbsent(c, k -> {
            List<Component> out = new ArrayList<>();
            for (RecordComponent rc : k.getRecordComponents()) {
                java.lang.reflect.Method m = rc.getAccessor();
                m.setAccessible(true);
                out.add(new Component(rc.getName(), m));
            }
            return List.copyOf(out);
        });
    }

    /** A class's own instance fields in name order (the reflection order of fields is not specified). */
    private static List<Field> fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            List<Field> out = new ArrayList<>();
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
                f.setAccessible(true);
                out.add(f);
            }
            out.sort(Comparator.comparing(Field::getName));
            return out;
        });
    }

    /** One SHA-256 engine per thread: looking one up by name goes through the security providers each time. */
    private static final ThreadLocal<java.security.MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(SHA256.get().digest(bytes));
    }

    /** The SHA-256 of a text's UTF-8 bytes, as bytes. */
    static byte[] sha256Bytes(String text) {
        return SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
