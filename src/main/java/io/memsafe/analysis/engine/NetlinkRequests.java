package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Function;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;

import java.util.Map;
import java.util.TreeMap;

/**
 * The request a generic netlink {@code .doit} handler receives ({@code int doit(struct sk_buff *,
 * struct genl_info *)}): {@code info->attrs[K]} is NULL or attribute K of the sender's message, a
 * 4-byte header ({@code nla_len}, the header included, and the type) before the payload. Before the
 * handler runs, the kernel checked each attribute against the family's policy ({@code struct
 * nla_policy} tables, read from their initialisers): the payload's length for {@code NLA_BINARY}
 * with {@code .len}, {@code NLA_POLICY_EXACT_LEN}/{@code _MIN_LEN}/{@code _MAX_LEN} and
 * {@code NLA_STRING}; the value of an integer attribute for {@code NLA_POLICY_RANGE}/{@code _MIN}/
 * {@code _MAX}. Everything else about an attribute is the sender's: its payload bytes, a length up to
 * 65,531 bytes where no policy bounds it.
 * <p>The handler's policy is the family's or its operation's; which table belongs to which handler is
 * not resolved: where several tables in the scan describe attribute K, the tightest bound is taken, so
 * code relying on any of them stays quiet.
 */
public final class NetlinkRequests {
    private NetlinkRequests() { }

    /** The family of attribute regions (NULL where the sender left the attribute out). */
    public static final String FAMILY = "netlink attribute";

    /** The largest payload an attribute carries: its 16-bit length less the 4-byte header. */
    static final long MAX_PAYLOAD = 0xffff - 4;

    private static final int NLA_UNSPEC = 0, NLA_U8 = 1, NLA_U16 = 2, NLA_U32 = 3, NLA_U64 = 4, NLA_STRING = 5, NLA_FLAG = 6,
            NLA_MSECS = 7, NLA_BINARY = 11, NLA_S8 = 12, NLA_S16 = 13, NLA_S32 = 14, NLA_S64 = 15, NLA_REJECT = 17, NLA_BE16 = 18, NLA_BE32 = 19;
    private static final int VALIDATE_RANGE = 1, VALIDATE_RANGE_WARN_TOO_LONG = 2, VALIDATE_MIN = 3, VALIDATE_MAX = 4;

    /** What a policy entry lets through: the payload's length and, for an integer, its value (null: any). */
    record Check(Interval length, Interval value, int valueSize, String what) { }

    /** Is this a {@code .doit} handler's shape? */
    static boolean handler(Function fn) {
        return fn.params.size() == 2 && DriverEntryPoints.structPointee(fn.params.get(0).type, "sk_buff") != null
                && DriverEntryPoints.structPointee(fn.params.get(1).type, "genl_info") != null;
    }

    /** The request {@code info} of handler {@code fn}: its attributes, as the policies bound them. */
    static Value info(Interpreter in, Function fn, Variable p, State s) {
        Type.Struct infoType = DriverEntryPoints.structPointee(p.type, "genl_info");
        String id = fn.unit + ":" + fn.name;
        Type.Field attrsField = infoType.field("attrs");
        long slot = attrsField != null && attrsField.type() instanceof Type.Pointer pp && pp.pointee().size() > 0 ? pp.pointee().size() : 8;
        Map<Long, Check> policy = policies(in);
        Region attrs = new Region("nlattrs:" + id, Region.Kind.UNKNOWN, Value.UNKNOWN,
                "the attribute table of the request to " + fn.name + "()", fn.loc, "input");
        Contents table = new Contents(new TreeMap<>(), attribute(fn, id, -1, null, s), Value.UNKNOWN);
        for (Map.Entry<Long, Check> e : policy.entrySet()) {
            long k = e.getKey();
            Value v = e.getValue() == null ? Value.ZERO : attribute(fn, id, k, e.getValue(), s);
            table = table.store(Interval.of(k * slot), slot, v, true);
        }
        s.set(attrs, table);
        Region req = new Region("genl:" + id, Region.Kind.UNKNOWN, Value.UNKNOWN, "the request to " + fn.name + "()", fn.loc, "input");
        Contents c = DriverEntryPoints.storeField(new Contents(new TreeMap<>(), Value.UNKNOWN, Value.UNKNOWN), infoType, "attrs",
                Value.pointer(attrs, Interval.ZERO));
        s.set(req, c);
        return Value.pointer(req, Interval.ZERO);
    }

    /** NULL, or attribute {@code k} ({@code -1}: one no policy describes) with what its check let through. */
    private static Value attribute(Function fn, String id, long k, Check check, State s) {
        return attribute("nla:" + id + ":" + k, k < 0 ? "an attribute" : "attribute " + k, "the request to " + fn.name + "()",
                "the netlink request to " + fn.name + "()", fn.loc, k, check, s);
    }

    /**
     * NULL, or attribute {@code k} of {@code of} ({@code -1}: one no policy describes), with what its check
     * let through: an untrusted length and payload, a value within the policy's range.
     */
    private static Value attribute(String key, String name, String of, String sent, io.memsafe.ir.SourceLoc loc, long k, Check check, State s) {
        Region r = new Region(key, Region.Kind.UNKNOWN, Value.UNKNOWN, name + " of " + of, loc, FAMILY);
        Origin bytes = new Origin("the payload of " + name + " of " + sent, loc);
        Interval payload = check == null ? Interval.of(0, MAX_PAYLOAD) : check.length();
        String bound = check == null ? "no policy bounds it" : check.what();
        Origin len = new Origin("the length of " + name + " of " + sent + " (" + bound + ")", loc);
        Contents c = new Contents(new TreeMap<>(), Value.tainted(Interval.of(0, 255), bytes), Value.UNKNOWN)
                .store(Interval.ZERO, 2, Value.tainted(payload.add(Interval.of(4)), len), true)
                .store(Interval.of(2), 2, k < 0 ? Value.tainted(Interval.of(0, 0xffff), len) : Value.of(k), true);
        if (check != null && check.value() != null) {
            Origin val = new Origin("the value of " + name + " of " + sent + " (" + check.what() + ")", loc);
            c = c.store(Interval.of(4), check.valueSize(), Value.tainted(check.value(), val), true);
        }
        s.set(r, c);
        // NULL when the sender leaves it out: used before a test, that is a NULL dereference
        s.unchecked.put(r, loc);
        return Value.pointer(r, Interval.ZERO).join(Value.ZERO);
    }

    /**
     * {@code nla_parse_nested(tb, maxtype, nla, policy, extack)} (and its relatives): on success each
     * {@code tb[K]}, K up to maxtype, is NULL or attribute K of the nested message, checked against
     * {@code policy} (the table the call names, read from its initialiser). The call's result is 0 or a
     * negative error.
     */
    static void parsed(io.memsafe.ir.Stmt.Call c, java.util.List<Value> args, int tbArg, int maxArg, int policyArg,
                       io.memsafe.ir.SourceLoc loc, State s) {
        if (tbArg >= args.size() || maxArg >= args.size() || policyArg >= args.size()) return;
        Value tb = args.get(tbArg), max = args.get(maxArg), pol = args.get(policyArg);
        Long top = max.constant();
        Type.Struct st = policyArg < c.args().size() ? policyType(c.args().get(policyArg)) : null;
        Map.Entry<Region, Interval> t = tb.pts.size() == 1 ? tb.pts.entrySet().iterator().next() : null;
        // the kernel's policy layout (a C library's, libnl's, has other members), a table the call names,
        // an exact maximum: else the table holds what the analysis does not know, as after an unseen call
        if (st == null || st.field("validation_type") == null || tb.unknown || t == null || !t.getValue().isSingleton()
                || top == null || top < 0 || top > 4096) {
            for (Region r : tb.pts.keySet()) if (r.kind != Region.Kind.STRING_LITERAL) s.set(r, new Contents(new TreeMap<>(), Value.UNKNOWN, Value.UNKNOWN));
            return;
        }
        Region table = pol.unknown || pol.pts.size() != 1 ? null : pol.pts.keySet().iterator().next();
        Interval at = table == null ? null : pol.pts.get(table);
        // a global policy table holds its initialiser (policies are const data), whatever a root assumes of
        // the globals whose address is taken
        Contents init = table == null || table.kind != Region.Kind.GLOBAL || table.initial == null || st.size() <= 0 || !at.isSingleton()
                ? null : table.initial;
        long slot = c.args().get(tbArg).type() instanceof Type.Pointer tp && tp.pointee().size() > 0 ? tp.pointee().size() : 8;
        String id = loc.file() + ":" + loc.line() + ":" + loc.column();
        Contents out = s.contents(t.getKey());
        for (long k = 0; k <= top; k++) {
            Check check = init == null ? NOT_DESCRIBED : entry(init, st, at.lo() + k * st.size());
            Value v = check == null ? Value.ZERO : attribute("nla:" + id + ":" + k, "nested attribute " + k, "the attributes parsed at line " + loc.line(),
                    "the nested netlink attributes parsed at line " + loc.line(), loc, k, check == NOT_DESCRIBED ? null : check, s);
            out = out.store(Interval.of(t.getValue().lo() + k * slot), slot, v, true);
        }
        s.set(t.getKey(), out);
    }

    /**
     * The checks of every {@code struct nla_policy} table the scan defines, by attribute type: the
     * tightest where several describe one (null: an attribute the policy rejects).
     */
    static Map<Long, Check> policies(Interpreter in) {
        Map<Long, Check> out = new TreeMap<>();
        for (Variable g : in.program.globals) {
            if (!g.defined || !(g.type instanceof Type.Array arr) || !(arr.element() instanceof Type.Struct st) || !"nla_policy".equals(st.name())) continue;
            Contents init = in.region(g, null).initial;
            if (init == null || st.size() <= 0) continue;
            for (long k = 0; k < arr.length(); k++) {
                Check c = entry(init, st, k * st.size());
                if (c == NOT_DESCRIBED) continue;
                Check had = out.get(k);
                if (!out.containsKey(k) || (c != null && had != null && c.length().hi() < had.length().hi())) out.put(k, c);
            }
        }
        return out;
    }

    /** The policy entry type an argument designates (a pointer to one, or a table decayed to one), or null. */
    private static Type.Struct policyType(io.memsafe.ir.Expr e) {
        for (io.memsafe.ir.Expr x : java.util.List.of(e, io.memsafe.ir.Expr.uncast(e))) {
            Type t = x.type();
            Type el = t instanceof Type.Pointer p ? p.pointee() : t instanceof Type.Array a ? a.element() : null;
            if (el instanceof Type.Struct st && "nla_policy".equals(st.name())) return st;
        }
        return null;
    }

    private static final Check NOT_DESCRIBED = new Check(Interval.of(0, MAX_PAYLOAD), null, 0, "not described");

    private static Check entry(Contents init, Type.Struct st, long at) {
        long type = field(init, st, at, "type"), validation = field(init, st, at, "validation_type"), len = field(init, st, at, "len");
        long min = field(init, st, at, "min"), max = field(init, st, at, "max");
        if (type < 0 || validation < 0 || len < 0 || min == Long.MIN_VALUE || max == Long.MIN_VALUE) return NOT_DESCRIBED;
        if (type == 0 && validation == 0 && len == 0) return NOT_DESCRIBED;
        if (type == NLA_REJECT) return null;
        boolean range = validation == VALIDATE_RANGE || validation == VALIDATE_RANGE_WARN_TOO_LONG;
        int size = switch ((int) type) {
            case NLA_U8, NLA_S8 -> 1;
            case NLA_U16, NLA_S16, NLA_BE16 -> 2;
            case NLA_U32, NLA_S32, NLA_BE32 -> 4;
            case NLA_U64, NLA_S64, NLA_MSECS -> 8;
            default -> 0;
        };
        if (size > 0) {
            boolean signed = type == NLA_S8 || type == NLA_S16 || type == NLA_S32 || type == NLA_S64;
            Interval all = Interval.ofType(size, signed);
            Interval v = range ? Interval.of(min, max) : validation == VALIDATE_MIN ? Interval.of(min, all.hi()) : validation == VALIDATE_MAX ? Interval.of(all.lo(), max) : null;
            if (v != null) v = v.meet(all);
            return new Check(Interval.of(size, MAX_PAYLOAD), v == null || v.isBottom() ? null : v, size,
                    v == null ? "an integer of " + size + " bytes" : "the policy allows values " + v);
        }
        if (type == NLA_FLAG) return new Check(Interval.ZERO, null, 0, "a flag");
        if (type == NLA_BINARY) {
            if (range) return new Check(Interval.of(Math.max(0, min), Math.min(max, MAX_PAYLOAD)), null, 0, "the policy allows " + min + ".." + max + " bytes");
            if (validation == VALIDATE_MIN) return new Check(Interval.of(Math.max(0, min), MAX_PAYLOAD), null, 0, "the policy asks for at least " + min + " bytes");
            if (validation == VALIDATE_MAX) return new Check(Interval.of(0, Math.min(max, MAX_PAYLOAD)), null, 0, "the policy allows at most " + max + " bytes");
            if (len > 0) return new Check(Interval.of(0, len), null, 0, "the policy allows at most " + len + " bytes");
            return new Check(Interval.of(0, MAX_PAYLOAD), null, 0, "the policy sets no maximum length");
        }
        // a string of at most len characters, and its terminator
        if (type == NLA_STRING && len > 0) return new Check(Interval.of(1, len + 1), null, 0, "the policy allows a string of at most " + len + " characters");
        // NLA_UNSPEC's len, a nested attribute's, an NLA_NUL_STRING's: a minimum, or the string's length and not the payload's
        if (type == NLA_UNSPEC && len > 0) return new Check(Interval.of(len, MAX_PAYLOAD), null, 0, "the policy asks for at least " + len + " bytes");
        return new Check(Interval.of(0, MAX_PAYLOAD), null, 0, "the policy sets no maximum length");
    }

    /** The constant a policy entry's member holds (0 when the initialiser leaves it out); -1 / MIN_VALUE when not known. */
    private static long field(Contents init, Type.Struct st, long at, String name) {
        Type.Field f = st.field(name);
        if (f == null) return name.equals("min") || name.equals("max") ? 0 : -1;
        Long v = init.load(Interval.of(at + f.offset()), Math.max(1, f.type().size())).constant();
        if (v == null) return name.equals("min") || name.equals("max") ? Long.MIN_VALUE : -1;
        return v;
    }
}
