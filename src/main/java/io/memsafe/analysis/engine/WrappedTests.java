package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounds test whose sum can wrap around its type: {@code if (off + size > total) fail} with an
 * {@code off} read from the input that no earlier test bounds. A huge value makes the sum small, the test
 * passes, and the code goes on as if the range were inside the buffer (CWE-190 leading to 125/787): the
 * netstring length {@code pos + n + 1 > len}, a 32-bit {@code cd_off + cd_size > eocd_off}. The relations
 * take no bound from such a test ({@link Conditions} skips them); the checker says where the check is wrong.
 * <p>A term counts when it is untrusted (not capped by a test, and not an entry point's own input length,
 * which counts bytes in memory) and when the sum of the terms' ranges passes the type's maximum: in a type
 * narrower than 64 bits by their known ranges (two 32-bit fields added in 32 bits), in a 64-bit type
 * only for a term no test bounds at all (a decimal number parsed from the input up to its type's maximum):
 * a 64-bit sum of sizes of objects in memory does not reach 2^64.
 */
final class WrappedTests {
    private WrappedTests() { }

    /** The term of a test's side that can make its sum wrap, where it came from, and the type of the sum. */
    record Wrap(Expr term, Origin origin, Type.Int type) { }

    /** The wrap one side of a comparison can make, or null. */
    static Wrap of(Interpreter in, Expr side, State s, Interpreter.Frame f) {
        Expr e = Expr.uncast(side);
        if (!(e instanceof Expr.Binary b) || b.op() != BinOp.ADD || !(b.type() instanceof Type.Int t) || s.bottom) return null;
        List<Expr> terms = new ArrayList<>();
        flatten(b, terms);
        Interpreter.Frame quiet = new Interpreter.Frame(f.fn(), f.depth(), f.calls(), f.parent(), false);
        long max = Interval.ofType(Math.max(4, t.size()), t.signed()).hi();
        // the sum as the unchecked untrusted terms can make it: they at their largest, every other term
        // (a constant, a value an earlier test bounded) at its least
        long sum = 0;
        Expr wraps = null;
        Origin origin = null;
        for (Expr term : terms) {
            Value v = in.eval(term, s, quiet);
            if (v.isPointer() || v.num.isBottom() || v.num.lo() < 0) return null;
            boolean unchecked = v.taint != null && !v.taint.capped() && !inputLength(in, v.taint) && !boundedByAnother(in, term, s, f)
                    && !advanced(f.fn(), term) && !measured(f.fn(), term);
            sum = Relations.satAdd(sum, unchecked ? v.num.hi() : v.num.lo());
            if (unchecked && wraps == null && (t.size() < 8 || v.num.hi() == Interval.POS_INF)) {
                wraps = term;
                origin = v.taint;
            }
        }
        if (wraps == null) return null;
        // (a 64-bit sum wraps only by a term no test bounds at all: sizes of memory do not reach 2^64)
        return t.size() >= 8 || sum > max ? new Wrap(wraps, origin, t) : null;
    }

    private static void flatten(Expr e, List<Expr> out) {
        Expr u = Expr.uncast(e);
        if (u instanceof Expr.Binary b && b.op() == BinOp.ADD && b.type() instanceof Type.Int) {
            flatten(b.left(), out);
            flatten(b.right(), out);
        } else out.add(e);
    }

    /**
     * Does an earlier test or assignment bound the term from above by another variable ({@code off > size}
     * tested first, a position kept below a length by the previous pass of a loop)? Then it is checked, if
     * against a bound the intervals do not hold.
     */
    private static boolean boundedByAnother(Interpreter in, Expr term, State s, Interpreter.Frame f) {
        if (s.rel.variables().isEmpty()) return false;
        Relations.Linear l = Relations.linear(in, term, s, f);
        if (l == null || l.x() == null || l.y() != null || l.sx() != 1 || !s.rel.variables().contains(l.x())) return false;
        for (String y : s.rel.variables()) {
            // (a place tied to it both ways is a copy of it, no bound)
            if (!y.equals(l.x()) && BlockCounts.related(s, l.x(), y) && !BlockCounts.related(s, y, l.x())) return true;
        }
        return false;
    }

    /**
     * Is the term a position the function advances by adding to it ({@code pos += 4 + len}, {@code *at +=
     * 1 + label})? A loop that moves it tests it against the input's length on every pass, so it stays
     * within a length of memory from one pass to the next, whatever the intervals lost of that over the
     * loop: it reaches the type's maximum only with that much input. A number the function builds by
     * multiplying ({@code n = n * 10 + d}) is not one.
     */
    private static boolean advanced(io.memsafe.ir.Function fn, Expr term) {
        if (fn == null || !(Expr.uncast(term) instanceof Expr.Load l)) return false;
        String key = place(l.lv());
        if (key == null) return false;
        java.util.Map<io.memsafe.ir.Variable, String> copies = new java.util.HashMap<>();
        for (io.memsafe.ir.BasicBlock b : fn.blocks) {
            for (io.memsafe.ir.Stmt st : b.stmts) {
                if (!(st instanceof io.memsafe.ir.Stmt.Assign a)) continue;
                // (a compound assignment may read the place into a temporary first)
                if (a.target() instanceof io.memsafe.ir.Lvalue.Var tv && Expr.uncast(a.value()) instanceof Expr.Load from && place(from.lv()) instanceof String k) {
                    copies.put(tv.var(), k);
                }
                if (!key.equals(place(a.target())) || !(Expr.uncast(a.value()) instanceof Expr.Binary sum) || sum.op() != BinOp.ADD) continue;
                for (Expr side : new Expr[] {sum.left(), sum.right()}) {
                    if (Expr.uncast(side) instanceof Expr.Load r && (key.equals(place(r.lv()))
                            || r.lv() instanceof io.memsafe.ir.Lvalue.Var rv && key.equals(copies.get(rv.var())))) return true;
                }
            }
        }
        return false;
    }

    /** Does the call measure a string in memory ({@code strlen} and its kin, as the library models say)? */
    private static boolean measures(io.memsafe.ir.Stmt.Call c) {
        io.memsafe.models.FunctionModel m = io.memsafe.models.LibraryModels.get(c.callee());
        return m != null && m.returns() instanceof io.memsafe.models.Returns.StringLength;
    }

    /**
     * Is the term a variable the function sets only to the length of a string in memory, plus a constant
     * ({@code len = strlen(name) + 1})? However long the string, its length is the size of memory it
     * takes: a 64-bit sum of it and other sizes does not reach 2^64.
     */
    private static boolean measured(io.memsafe.ir.Function fn, Expr term) {
        if (fn == null || !(Expr.uncast(term) instanceof Expr.Load l) || !(l.lv() instanceof io.memsafe.ir.Lvalue.Var v)
                || !(v.var().type instanceof Type.Int t) || t.size() < 8) return false;
        java.util.Set<io.memsafe.ir.Variable> lengths = new java.util.HashSet<>();
        boolean set = false;
        for (io.memsafe.ir.BasicBlock b : fn.blocks) {
            for (io.memsafe.ir.Stmt st : b.stmts) {
                if (st instanceof io.memsafe.ir.Stmt.Call c && c.result() instanceof io.memsafe.ir.Lvalue.Var r && r.var().equals(v.var())) {
                    if (!measures(c)) return false;
                    set = true;
                } else if (st instanceof io.memsafe.ir.Stmt.Call c && measures(c) && c.result() instanceof io.memsafe.ir.Lvalue.Var r) {
                    lengths.add(r.var());
                }
            }
        }
        for (io.memsafe.ir.BasicBlock b : fn.blocks) {
            for (io.memsafe.ir.Stmt st : b.stmts) {
                if (!(st instanceof io.memsafe.ir.Stmt.Assign a) || !(a.target() instanceof io.memsafe.ir.Lvalue.Var tv) || !tv.var().equals(v.var())) continue;
                Expr value = Expr.uncast(a.value());
                if (value instanceof Expr.Binary sum && sum.op() == BinOp.ADD && Expr.uncast(sum.right()) instanceof Expr.IntConst k && k.value() >= 0
                        && k.value() < 1024) value = Expr.uncast(sum.left());
                if (!(value instanceof Expr.Load from && from.lv() instanceof io.memsafe.ir.Lvalue.Var fv && lengths.contains(fv.var()))) return false;
                set = true;
            }
        }
        return set;
    }

    /** A place spelled without source positions: a variable, a member of one, what a variable points to. */
    private static String place(io.memsafe.ir.Lvalue lv) {
        return switch (lv) {
            case io.memsafe.ir.Lvalue.Var v -> "v" + v.var().id;
            case io.memsafe.ir.Lvalue.Field fl -> place(fl.base()) instanceof String b ? b + "." + fl.name() : null;
            case io.memsafe.ir.Lvalue.Deref d -> Expr.uncast(d.pointer()) instanceof Expr.Load p && place(p.lv()) instanceof String b
                    ? "*" + b + "+" + d.byteOffset() : null;
            default -> null;
        };
    }

    private static boolean inputLength(Interpreter in, Origin o) {
        for (Origin l : in.inputLengths.values()) if (l.sameSource(o)) return true;
        return false;
    }

    /** How the term reads in the source, for the message: a variable or a member, else null. */
    static String spelled(Expr term) {
        Expr u = Expr.uncast(term);
        return u instanceof Expr.Load l ? UserFetches.spelled(l.lv()) : null;
    }
}
