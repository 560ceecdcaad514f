package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Origin;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.models.FunctionModel;
import io.memsafe.models.LibraryModels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A call statement: a function of the program analysed in the caller's context (every target of a
 * call through a pointer, joined), a library function applied through its model, or code the scan
 * does not see, which may keep, write or read through whatever it is handed.
 */
final class Calls {
    private Calls() { }

    static void call(Interpreter in, Stmt.Call c, State s, Interpreter.Frame f) {
        if (Stmt.MAY_STORE.equals(c.callee())) {
            for (Expr a : c.args()) {
                if (!(a instanceof Expr.AddressOf ao)) continue;
                if (ao.lv() instanceof Lvalue.Var v) {
                    Region r = in.region(v.var(), f.fn());
                    s.set(r, s.contents(r).markWritten());
                } else {
                    // an object reached through a pointer, a member or an element: each block it may be in
                    for (Region r : in.eval(a, s, f).pts.keySet()) {
                        if (r.kind == Region.Kind.STRING_LITERAL || r.key.startsWith("f:")) continue;
                        s.set(r, s.contents(r).markWritten());
                    }
                }
            }
            return;
        }
        List<Value> args = new ArrayList<>(c.args().size());
        for (Expr a : c.args()) args.add(in.eval(a, s, f));
        if (c.callee() != null) GlobalBlocks.materialize(in, c, args, s, f);
        List<Function> targets = new ArrayList<>();
        String name = c.callee();
        if (name != null) {
            Function def = in.program.resolve(f.fn() == null ? "" : f.fn().unit, name);
            if (def != null) targets.add(def);
        } else if (c.calleeExpr() != null) {
            Value fp = in.eval(c.calleeExpr(), s, f);
            for (Region r : fp.pts.keySet()) {
                if (!r.key.startsWith("f:")) continue;
                String fnName = r.key.substring(2);
                Function def = in.program.resolve(f.fn() == null ? "" : f.fn().unit, fnName);
                if (def != null) targets.add(def);
                else if (LibraryModels.get(fnName) != null && name == null) name = fnName;
            }
            if (fp.unknown || !fp.num.isBottom()) targets.clear();
            // a callback member the analysis does not know the value of: the functions the program stores there
            if (fp.unknown && fp.pts.isEmpty() && fp.num.isBottom()) targets.addAll(in.callGraph.memberTargets(c.calleeExpr()));
        }
        Value result;
        Contents struct = null;
        // what memory held before the call (a shared copy): a test of what the call changed may tell its outcomes apart
        io.memsafe.analysis.domain.RegionMap<Contents> beforeCall = targets.size() == 1 && c.result() != null
                && c.result().type() instanceof Type.Pointer ? s.mem.copy() : null;
        if (!targets.isEmpty()) {
            result = Value.BOTTOM;
            in.structReturned = null;
            State joined = State.unreachable();
            // a result tested right after keeps the callee's outcomes apart until the test
            List<Map.Entry<State, Value>> cases = targets.size() == 1 && c.result() != null && f.fn() != null && in.shape(f.fn()).testedCalls().contains(c) ? new ArrayList<>() : null;
            for (Function callee : targets) {
                State cs = targets.size() == 1 ? s : s.copy();
                Value r = in.callees.inline(callee, args, c, cs, f, cases);
                result = result.join(r);
                State before = joined;
                joined = joined.join(cs);
                if (targets.size() > 1) SomePaths.atCallees(in, f.fn(), before, cs, joined, c.loc());
            }
            struct = in.structReturned;
            in.structReturned = null;
            if (targets.size() > 1 && struct != null) {
                // which callee's structure it is, the join does not keep: what it points to is out of reach
                in.escapeHeld(struct, s);
                struct = null;
            }
            if (targets.size() > 1) {
                s.assign(joined);
                Relations.forgetFields(in, s, null);
            }
            if (cases != null && !cases.isEmpty() && !s.bottom) {
                Interpreter.Frame quiet = new Interpreter.Frame(f.fn(), f.depth(), f.calls(), f.parent(), false);
                List<State> states = new ArrayList<>(cases.size());
                for (Map.Entry<State, Value> e : cases) {
                    State st = e.getKey();
                    if (st.bottom) continue;
                    Value r = e.getValue();
                    if (c.result().type() instanceof Type.Int i && r.pts.isEmpty()) r = ValueArithmetic.wrap(r, i);
                    in.store(c.result(), r, st, quiet);
                    states.add(st);
                }
                in.storeResult(c, result, s, f);
                if (struct != null) in.escapeHeld(struct, s);
                if (c.result() instanceof Lvalue.Var v) s.cases = new State.Cases(states, Set.of(in.region(v.var(), f.fn())));
                return;
            }
        } else {
            FunctionModel m = LibraryModels.get(name);
            if (m != null) {
                if (f.report()) {
                    // each argument a value of its own, so that the facts below can name it by identity
                    for (int i = 0; i < args.size(); i++) args.set(i, args.get(i).distinct());
                    in.memberArguments = SubObjects.arguments(in, c.args(), args, s, f);
                    in.provenEnds = StringLengths.copyEnds(in, m, c, args, s, f, LibraryRelations.provenEnds(in, m, c.args(), args, s, f));
                }
                in.escapeStructArguments(c, s, f);
                try {
                    result = in.models.apply(m, c, args, s, f);
                } finally {
                    in.memberArguments = Map.of();
                    in.provenEnds = Map.of();
                    in.endDetails.clear();
                }
                if (ReturnCases.failureApart(in, m, c, result, s, f)) return;
                in.storeResult(c, result, s, f);
                LibraryRelations.returnedAtMost(in, m, c, s, f);
                LibraryRelations.returnedWithin(in, m, c, s, f);
                StringLengths.measured(in, m, c, args, s, f);
                return;
            }
            else {
                for (Map.Entry<Integer, Integer> e : c.stringArgs().entrySet()) {
                    if (e.getKey() < args.size()) {
                        // its prototype says it reads the string: a use even when its length is unknown
                        in.use(c.loc(), args.get(e.getKey()), name, false, f);
                        in.models.readString(c.loc(), args.get(e.getKey()), e.getValue(), name, s, f);
                    }
                }
                if (!UnseenCalls.releases(name)) {
                    // code the analysis does not see may read through any pointer it is handed: a block
                    // freed on every path is used after free there (Clang's MallocChecker reports the same)
                    for (int i = 0; i < args.size(); i++) {
                        if (!c.stringArgs().containsKey(i) && args.get(i).isPointer()) in.use(c.loc(), args.get(i), name == null ? "a call through a pointer" : name, false, f);
                    }
                }
                in.escapeStructArguments(c, s, f);
                Origin read = name == null ? null : AttackSurface.readFromInput(name, args, c.loc(), s);
                List<Value> written = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) if (!c.readOnlyArgs().contains(i)) written.add(args.get(i));
                result = in.unknownCall(written, s);
                if (read != null && c.result() != null && c.result().type() instanceof Type.Int rt) {
                    result = Value.tainted(Interval.ofType(rt.size(), rt.signed()), read);
                }
            }
        }
        in.storeResult(c, result, s, f);
        if (targets.size() == 1) ReturnedNull.atCall(in, targets.get(0), in.callees.lastNullReturn, beforeCall, c, s, f);
        if (struct != null && c.result() != null && c.result().type() instanceof Type.Struct && !s.bottom) Aggregates.storeWhole(in, c.result(), struct, s, f);
        else if (struct != null) in.escapeHeld(struct, s);
    }
}
