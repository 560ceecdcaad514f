package io.memsafe.frontend;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.eclipse.cdt.core.dom.ast.*;
import org.eclipse.cdt.core.dom.ast.cpp.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements of one function lowered into its CFG: blocks, branches guarded by {@link Stmt.Assume},
 * loops (the first iteration peeled off where that is safe), switch dispatch, jumps and the local
 * objects they leave. Expressions and declarations are {@link Lowering}'s; this class holds the
 * per-function jump targets.
 */
final class StatementLowering {
    private final Lowering lowering;
    private final Deque<BasicBlock> breakTargets = new ArrayDeque<>();
    private final Deque<BasicBlock> continueTargets = new ArrayDeque<>();
    /** How many blocks were open where each break / continue target was pushed: leaving to it closes the rest. */
    private final Deque<Integer> breakDepths = new ArrayDeque<>(), continueDepths = new ArrayDeque<>();
    private final Deque<SwitchContext> switches = new ArrayDeque<>();
    private Map<String, BasicBlock> labels = new HashMap<>();

    /** The open try blocks of the function, innermost first: their handlers' entry and the blocks open at the try. */
    private final Deque<TryContext> tries = new ArrayDeque<>();
    /** Set while lowering calls that do not throw (destructors, the hand-over of a thrown object). */
    private boolean noThrow;

    private record TryContext(BasicBlock handlers, int depth) { }

    private record SwitchContext(Variable controller, List<long[]> cases, List<BasicBlock> caseBlocks, BasicBlock[] defaultBlock) { }

    StatementLowering(Lowering lowering) {
        this.lowering = lowering;
    }

    /** A new function: no labels, no open loops or switches. */
    void reset() {
        labels = new HashMap<>();
        breakTargets.clear();
        continueTargets.clear();
        breakDepths.clear();
        continueDepths.clear();
        switches.clear();
        tries.clear();
        noThrow = false;
    }

    /** MEMSAFE_DEBUG_LOWERING=1: the stack trace of each statement the lowering failed on, on stderr. */
    private static final boolean DEBUG = System.getenv("MEMSAFE_DEBUG_LOWERING") != null;

    void lowerStatement(IASTStatement s) {
        if (s == null) return;
        // temporaries of an enclosing statement's condition or header are not destroyed here (see StringLowering)
        lowering.strings().forgetTemporaries();
        try {
            boolean full = s instanceof IASTExpressionStatement || s instanceof IASTDeclarationStatement;
            if (full) lowering.strings().startOfStatement();
            int temporaries = lowering.classes.temporaryMark();
            lowerStatement0(s);
            if (full) {
                lowering.strings().endOfStatement(Lowering.end(s));
                lowering.classes.destroyTemporaries(lowering.classes.takeTemporaries(temporaries), Lowering.end(s));
            }
        } catch (RuntimeException e) {
            if (DEBUG) e.printStackTrace();
            lowering.diagnostics.add(new Diagnostic(Lowering.loc(s), Diagnostic.Level.NOTE, "statement not modelled (" + e.getClass().getSimpleName() + "): analysed as no-op"));
        }
    }

    private void lowerStatement0(IASTStatement s) {
        switch (s) {
            case IASTCompoundStatement c -> {
                lowering.scopes.push(new ArrayList<>());
                try {
                    for (IASTStatement x : c.getStatements()) lowerStatement(x);
                    lowering.classes.destroyLocals(lowering.scopes.peek(), Lowering.end(c));
                } finally {
                    lowering.scopes.pop();
                }
            }
            case IASTDeclarationStatement ds -> {
                if (ds.getDeclaration() instanceof IASTSimpleDeclaration sd) lowering.lowerLocalDeclaration(sd);
            }
            case IASTExpressionStatement es when es.getExpression() != null && ClassLowering.destroyedTemporary(Lowering.unparen(es.getExpression())) instanceof ICPPClassType cls -> {
                // a temporary object the statement makes and discards (a status returned and not looked at): it
                // is destroyed at the statement's end
                SourceLoc where = Lowering.loc(es);
                Expr v = lowering.rvalue(es.getExpression());
                Variable t = lowering.temp(v.type());
                lowering.emit(new Stmt.Declare(t, where));
                lowering.emit(new Stmt.Assign(new Lvalue.Var(t, where), v, where));
                lowering.classes.madeTemporary(new Lvalue.Var(t, where), cls);
            }
            case IASTExpressionStatement es -> { if (es.getExpression() != null) lowering.effect(es.getExpression()); }
            case IASTIfStatement is -> {
                BasicBlock thenB = lowering.fn.newBlock(), elseB = lowering.fn.newBlock(), join = lowering.fn.newBlock();
                IASTExpression cond = is.getConditionExpression();
                if (cond == null && is instanceof ICPPASTIfStatement cis && cis.getConditionDeclaration() instanceof IASTSimpleDeclaration d
                        && !Lowering.uninitialisedCondition(d)) {
                    declaredCondition(d, thenB, elseB, Lowering.loc(is));
                } else if (cond == null) {
                    // a condition CDT could only read as a declaration without initialiser, which C++ does not
                    // allow: "if (a && a[0])" with 'a' from a header the scan lacks reads as "a &&a[0]" declared
                    lowering.cur.to(thenB);
                    lowering.cur.to(elseB);
                } else {
                    condition(cond, thenB, elseB);
                }
                lowering.cur = thenB;
                if (sehTry(cond) && is.getThenClause() != null) {
                    lowering.fn.guarded.add(new io.memsafe.ir.Function.Extent(Lowering.loc(is.getThenClause()), Lowering.end(is.getThenClause())));
                }
                lowerStatement(is.getThenClause());
                lowering.cur.to(join);
                lowering.cur = elseB;
                lowerStatement(is.getElseClause());
                lowering.cur.to(join);
                lowering.cur = join;
            }
            case IASTWhileStatement ws when ws.getCondition() == null && ws instanceof ICPPASTWhileStatement cws
                    && cws.getConditionDeclaration() instanceof IASTSimpleDeclaration d -> {
                // while (T x = e) B: x is declared and tested again before each iteration
                BasicBlock head = lowering.fn.newBlock(), bodyB = lowering.fn.newBlock(), after = lowering.fn.newBlock();
                lowering.cur.to(head);
                lowering.cur = head;
                if (Lowering.uninitialisedCondition(d)) { lowering.cur.to(bodyB); lowering.cur.to(after); }
                else declaredCondition(d, bodyB, after, Lowering.loc(ws));
                loopBody(ws.getBody(), bodyB, head, after);
                lowering.cur.to(head);
                lowering.cur = after;
            }
            case ICPPASTRangeBasedForStatement rf -> {
                // for (T x : r) B: r once, then each iteration binds x to an element the analysis does not know
                if (rf.getInitializerClause() instanceof IASTExpression range) lowering.effect(range);
                BasicBlock head = lowering.fn.newBlock(), bodyB = lowering.fn.newBlock(), after = lowering.fn.newBlock();
                lowering.cur.to(head);
                lowering.cur = head;
                lowering.cur.to(bodyB);
                lowering.cur.to(after);
                lowering.cur = bodyB;
                if (rf.getDeclaration() instanceof IASTSimpleDeclaration d) {
                    try {
                        lowering.declareUnknown(d, "element of the range at line " + Lowering.loc(rf).line());
                    } catch (RuntimeException e) {
                        // the element's type CDT cannot deduce (its lookup can throw): the body is still lowered
                        if (DEBUG) e.printStackTrace();
                        lowering.diagnostics.add(new Diagnostic(Lowering.loc(d), Diagnostic.Level.NOTE,
                                "element of the range not modelled (" + e.getClass().getSimpleName() + ")"));
                    }
                }
                loopBody(rf.getBody(), lowering.cur, head, after);
                lowering.cur.to(head);
                lowering.cur = after;
            }
            case IASTWhileStatement ws -> {
                if (peelable(ws.getBody())) {
                    // first iteration peeled off: "while (c) B" as "if (c) { B; while (c) B }", so the
                    // state of a loop that runs once is not merged with the state before it
                    BasicBlock first = lowering.fn.newBlock(), after = lowering.fn.newBlock();
                    condition(ws.getCondition(), first, after);
                    BasicBlock rest = lowering.fn.newBlock();
                    peeled++;
                    loopBody(ws.getBody(), first, rest, after);
                    peeled--;
                    lowering.cur.to(rest);
                    lowering.cur = rest;
                    lowerLoop(ws.getCondition(), ws.getBody(), null, after);
                    break;
                }
                lowerLoop(ws.getCondition(), ws.getBody(), null, lowering.fn.newBlock());
            }
            case IASTDoStatement ds -> {
                BasicBlock body = lowering.fn.newBlock(), test = lowering.fn.newBlock(), after = lowering.fn.newBlock();
                lowering.cur.to(body);
                loopBody(ds.getBody(), body, test, after);
                lowering.cur.to(test);
                lowering.cur = test;
                condition(ds.getCondition(), body, after);
                lowering.cur = after;
            }
            case IASTForStatement fs -> {
                lowerStatement(fs.getInitializerStatement());
                if (peelable(fs.getBody())) {
                    BasicBlock first = lowering.fn.newBlock(), step = lowering.fn.newBlock(), after = lowering.fn.newBlock();
                    if (fs.getConditionExpression() != null) condition(fs.getConditionExpression(), first, after);
                    else lowering.cur.to(first);
                    peeled++;
                    loopBody(fs.getBody(), first, step, after);
                    peeled--;
                    lowering.cur.to(step);
                    lowering.cur = step;
                    if (fs.getIterationExpression() != null) lowering.effect(fs.getIterationExpression());
                    lowerLoop(fs.getConditionExpression(), fs.getBody(), fs.getIterationExpression(), after);
                    break;
                }
                lowerLoop(fs.getConditionExpression(), fs.getBody(), fs.getIterationExpression(), lowering.fn.newBlock());
            }
            case IASTSwitchStatement ss -> lowerSwitch(ss);
            case IASTCaseStatement cs -> {
                SwitchContext sw = switches.peek();
                BasicBlock b = lowering.fn.newBlock();
                lowering.cur.to(b);
                lowering.cur = b;
                if (sw != null) {
                    Long v = ConstFold.value(lowering.rvalue(cs.getExpression()));
                    sw.cases.add(v == null ? null : new long[]{v});
                    sw.caseBlocks.add(b);
                }
            }
            case IASTDefaultStatement ds -> {
                SwitchContext sw = switches.peek();
                BasicBlock b = lowering.fn.newBlock();
                lowering.cur.to(b);
                lowering.cur = b;
                if (sw != null) sw.defaultBlock[0] = b;
            }
            case IASTBreakStatement bs -> {
                if (!breakDepths.isEmpty()) leaveScopes(breakDepths.peek(), Lowering.loc(bs));
                if (!breakTargets.isEmpty()) lowering.cur.to(breakTargets.peek());
                lowering.startNewBlock();
            }
            case IASTContinueStatement cs -> {
                if (!continueDepths.isEmpty()) leaveScopes(continueDepths.peek(), Lowering.loc(cs));
                if (!continueTargets.isEmpty()) lowering.cur.to(continueTargets.peek());
                lowering.startNewBlock();
            }
            case IASTGotoStatement gs -> {
                lowering.cur.to(label(gs.getName().toString()));
                lowering.startNewBlock();
            }
            case IASTLabelStatement ls -> {
                BasicBlock b = label(ls.getName().toString());
                lowering.cur.to(b);
                lowering.cur = b;
                lowerStatement(ls.getNestedStatement());
            }
            case IASTReturnStatement rs -> {
                int temporariesAtReturn = lowering.classes.temporaryMark();
                Expr v = null;
                ICPPClassType made = !lowering.returnsReference && rs.getReturnValue() instanceof IASTExpression r0 ? constructedResult(rs, r0) : null;
                Variable named = made == null ? returnedByName(rs) : null;
                if (made != null) v = new Expr.Load(lowering.classes.temporary(made, new IASTInitializerClause[] {rs.getReturnValue()}, Lowering.loc(rs)), lowering.lowerType(made));
                else if (named != null && named.kind == Variable.Kind.PARAM && rs.getReturnValue() instanceof IASTExpression p) {
                    // a parameter object its caller made (and destroys after the call): the result is moved
                    // from it (C++ returns a parameter named alone as an rvalue), by the class's move
                    // constructor, else its copy constructor, else the compiler's
                    SourceLoc where = Lowering.loc(rs);
                    Variable result = lowering.object("the result", lowering.lowerType(lowering.returnedClass), where);
                    lowering.emit(new Stmt.Declare(result, where));
                    lowering.classes.copyConstruct(new Expr.AddressOf(new Lvalue.Var(result, where), lowering.pointer(result.type)), lowering.returnedClass, p, true, where);
                    v = new Expr.Load(new Lvalue.Var(result, where), result.type);
                } else if (rs.getReturnValue() instanceof IASTExpression e) v = lowering.returnsReference ? lowering.addressOf(e) : lowering.convert(lowering.rvalue(e), lowering.fn.type.returnType());
                if (v != null && !lowering.returnsReference && rs.getReturnValue() instanceof IASTExpression e
                        && SmartPointerLowering.smartClass(e.getExpressionType()) != null) {
                    // a local smart pointer returned is moved into the result: read first, then nulled
                    Variable result = lowering.temp(v.type());
                    lowering.emit(new Stmt.Assign(new Lvalue.Var(result, Lowering.loc(rs)), v, Lowering.loc(rs)));
                    v = new Expr.Load(new Lvalue.Var(result, Lowering.loc(rs)), result.type);
                    lowering.smart().returned(e, Lowering.loc(rs));
                }
                List<ClassLowering.Temporary> temporaries = lowering.classes.takeTemporaries(temporariesAtReturn);
                if (lowering.scopes.stream().anyMatch(l -> !l.isEmpty()) || !temporaries.isEmpty()) {
                    // the result is computed before the objects it may read are destroyed: the temporaries of
                    // the returned expression, then the locals
                    if (v != null) {
                        Variable result = lowering.temp(v.type());
                        lowering.emit(new Stmt.Assign(new Lvalue.Var(result, Lowering.loc(rs)), v, Lowering.loc(rs)));
                        v = new Expr.Load(new Lvalue.Var(result, Lowering.loc(rs)), result.type);
                    }
                    lowering.classes.destroyTemporaries(temporaries, Lowering.loc(rs));
                    leaveScopes(0, Lowering.loc(rs), named);
                }
                lowering.emit(new Stmt.Return(v, Lowering.loc(rs)));
                lowering.cur.to(lowering.fn.exit);
                lowering.startNewBlock();
            }
            case ICPPASTTryBlockStatement ts -> {
                // the handlers are reached from every throw in the body and after every call there (see
                // raise, mayThrow): not from the try's start, where nothing has thrown yet, so that the
                // state a handler sees is the state where the exception can happen
                BasicBlock after = lowering.fn.newBlock(), handlers = lowering.fn.newBlock();
                tries.push(new TryContext(handlers, lowering.scopes.size()));
                try {
                    lowerStatement(ts.getTryBody());
                } finally {
                    tries.pop();
                }
                lowering.cur.to(after);
                for (ICPPASTCatchHandler h : ts.getCatchHandlers()) {
                    lowering.cur = lowering.fn.newBlock();
                    handlers.to(lowering.cur);
                    lowerStatement(h.getCatchBody());
                    lowering.cur.to(after);
                }
                lowering.cur = after;
            }
            case IASTNullStatement ns -> { }
            case IASTProblemStatement ps -> {
                lowering.diagnostics.add(new Diagnostic(Lowering.loc(ps), Diagnostic.Level.WARNING, "syntax error: " + ps.getProblem().getMessage()));
                if (lowering.fn != null) lowering.fn.unread = true;
                unreadStores(ps);
            }
            default -> lowering.diagnostics.add(new Diagnostic(Lowering.loc(s), Diagnostic.Level.NOTE, "statement kind not modelled: " + s.getClass().getSimpleName()));
        }
    }

    /**
     * A statement the parser could not read (a macro of a header the scan lacks: {@code d = va_arg(ap, double)}
     * without {@code <stdarg.h>}) may store into any local it names: each counts as written there, its value
     * unchanged, so that a later read of it is not taken for a read of an indeterminate value.
     */
    private void unreadStores(IASTProblemStatement ps) {
        SourceLoc where = Lowering.loc(ps);
        if (lowering.fn == null || lowering.fn.loc == null) return;
        java.util.Set<String> names = new java.util.HashSet<>(List.of(ps.getRawSignature().split("[^A-Za-z0-9_]+")));
        List<Variable> named = new ArrayList<>();
        for (Variable v : lowering.vars.values()) {
            if ((v.kind == Variable.Kind.LOCAL || v.kind == Variable.Kind.PARAM) && names.contains(v.name) && v.declared != null
                    && v.declared.file().equals(where.file()) && v.declared.line() >= lowering.fn.loc.line() && v.declared.line() <= where.line()) {
                named.add(v);
            }
        }
        named.sort(java.util.Comparator.comparingInt(v -> v.id));
        for (Variable v : named) {
            Lvalue lv = new Lvalue.Var(v, where);
            lowering.emit(new Stmt.Call(null, Stmt.MAY_STORE, null, List.of(new Expr.AddressOf(lv, lowering.pointer(v.type))), where,
                    java.util.Set.of(), java.util.Map.of()));
        }
    }

    /** Loops nested this deep in peeled copies are not peeled again (the code would double each time). */
    private static final int MAX_PEEL_NESTING = 2;
    private int peeled;

    private boolean peelable(IASTStatement body) {
        if (peeled >= MAX_PEEL_NESTING || body == null) return false;
        boolean[] hasLabel = {false};
        body.accept(new ASTVisitor(true) {
            @Override
            public int visit(IASTStatement st) {
                if (st instanceof IASTLabelStatement || st instanceof IASTCaseStatement || st instanceof IASTDefaultStatement) {
                    hasLabel[0] = true;
                    return PROCESS_ABORT;
                }
                return PROCESS_CONTINUE;
            }
        });
        return !hasLabel[0];
    }

    /** A condition that declares its variable ({@code if (T x = e)}, {@code while (T x = e)}): x declared, then tested. */
    private void declaredCondition(IASTSimpleDeclaration d, BasicBlock yes, BasicBlock no, SourceLoc where) {
        lowering.lowerLocalDeclaration(d);
        IASTDeclarator[] ds = d.getDeclarators();
        Variable v = ds.length == 1 ? lowering.vars.get(Lowering.innermost(ds[0]).getName().resolveBinding()) : null;
        if (v != null) branch(new Expr.Load(new Lvalue.Var(v, where), v.type), yes, no, where);
        else { lowering.cur.to(yes); lowering.cur.to(no); }
    }

    /** head: if (cond) { body; step; goto head } */
    private void lowerLoop(IASTExpression cond, IASTStatement body, IASTExpression iteration, BasicBlock after) {
        BasicBlock head = lowering.fn.newBlock(), bodyB = lowering.fn.newBlock(), step = lowering.fn.newBlock();
        lowering.cur.to(head);
        lowering.cur = head;
        if (cond != null) condition(cond, bodyB, after);
        else lowering.cur.to(bodyB);
        loopBody(body, bodyB, step, after);
        lowering.cur.to(step);
        lowering.cur = step;
        if (iteration != null) lowering.effect(iteration);
        lowering.cur.to(head);
        lowering.cur = after;
    }

    private BasicBlock label(String name) {
        return labels.computeIfAbsent(name, n -> lowering.fn.newBlock());
    }

    private void loopBody(IASTStatement body, BasicBlock bodyBlock, BasicBlock continueTo, BasicBlock breakTo) {
        breakTargets.push(breakTo);
        continueTargets.push(continueTo);
        breakDepths.push(lowering.scopes.size());
        continueDepths.push(lowering.scopes.size());
        lowering.cur = bodyBlock;
        lowerStatement(body);
        breakTargets.pop();
        continueTargets.pop();
        breakDepths.pop();
        continueDepths.pop();
    }

    private void lowerSwitch(IASTSwitchStatement ss) {
        SourceLoc where = Lowering.loc(ss);
        Expr ctl = lowering.rvalue(ss.getControllerExpression());
        Variable t = lowering.temp(ctl.type() instanceof Type.Int ? ctl.type() : Type.INT);
        lowering.emit(new Stmt.Assign(new Lvalue.Var(t, where), ctl, where));
        BasicBlock dispatch = lowering.cur, after = lowering.fn.newBlock();
        SwitchContext sw = new SwitchContext(t, new ArrayList<>(), new ArrayList<>(), new BasicBlock[1]);
        switches.push(sw);
        breakTargets.push(after);
        breakDepths.push(lowering.scopes.size());
        lowering.cur = lowering.fn.newBlock(); // statements before the first case are unreachable
        lowerStatement(ss.getBody());
        lowering.cur.to(after);
        breakTargets.pop();
        breakDepths.pop();
        switches.pop();
        // dispatch chain: if (t == v1) goto case1; else if (t == v2) ... else default/after
        lowering.cur = dispatch;
        Expr tv = new Expr.Load(new Lvalue.Var(t, where), t.type);
        for (int i = 0; i < sw.cases.size(); i++) {
            long[] v = sw.cases.get(i);
            if (v == null) {
                lowering.cur.to(sw.caseBlocks.get(i));
                continue;
            }
            BasicBlock yes = lowering.fn.newBlock(), no = lowering.fn.newBlock();
            branch(new Expr.Binary(BinOp.EQ, tv, new Expr.IntConst(v[0], t.type), Type.INT, 1), yes, no, where);
            yes.to(sw.caseBlocks.get(i));
            lowering.cur = no;
        }
        // no default, and a case for every enumerator of the controller's enumeration: the implicit
        // default is not a path the program means (as Clang's CFG prunes it); it ends here
        if (sw.defaultBlock[0] == null && coversEnumeration(ss.getControllerExpression(), sw.cases)) {
            lowering.endPath(where);
        }
        lowering.cur.to(sw.defaultBlock[0] != null ? sw.defaultBlock[0] : after);
        lowering.cur = after;
    }

    /** Does {@code cases} hold a constant for every enumerator of the enumeration {@code ctl} has as its type? */
    private static boolean coversEnumeration(IASTExpression ctl, List<long[]> cases) {
        try {
            IType t = ctl.getExpressionType();
            while (t instanceof ITypedef || t instanceof IQualifierType) t = t instanceof ITypedef td ? td.getType() : ((IQualifierType) t).getType();
            if (!(t instanceof IEnumeration en) || en.getEnumerators().length == 0) return false;
            java.util.Set<Long> covered = new java.util.HashSet<>();
            for (long[] c : cases) if (c != null) covered.add(c[0]);
            for (IEnumerator e : en.getEnumerators()) {
                Number n = e.getValue() == null ? null : e.getValue().numberValue();
                if (n == null || !covered.contains(n.longValue())) return false;
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Branches to {@code t} or {@code f} on a C condition, splitting && || ! into separate edges. */
    /**
     * The class a function returns by value when its return statement gives a scalar, a pointer or an
     * array ({@code return L"text";} in a function returning a string): the result is made by a
     * converting constructor; else null.
     */
    private static ICPPClassType constructedResult(IASTReturnStatement rs, IASTExpression value) {
        try {
            IASTNode n = rs;
            while (n != null && !(n instanceof IASTFunctionDefinition)) n = n.getParent();
            if (!(n instanceof IASTFunctionDefinition fd) || !(fd.getDeclarator().getName().resolveBinding() instanceof IFunction f)) return null;
            IType rt = f.getType().getReturnType();
            if (References.isReference(rt)) return null;
            ICPPClassType cls = ClassLowering.classOf(rt);
            if (cls == null) return null;
            IType a = value.getExpressionType();
            while (a instanceof ITypedef td) a = td.getType();
            while (a instanceof IQualifierType q) a = q.getType();
            return a instanceof IBasicType || a instanceof IPointerType || a instanceof IArrayType ? cls : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    void condition(IASTExpression e, BasicBlock t, BasicBlock f) {
        e = Lowering.unparen(e);
        if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_logicalAnd) {
            BasicBlock mid = lowering.fn.newBlock();
            condition(b.getOperand1(), mid, f);
            lowering.cur = mid;
            condition(b.getOperand2(), t, f);
            return;
        }
        if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_logicalOr) {
            BasicBlock mid = lowering.fn.newBlock();
            condition(b.getOperand1(), t, mid);
            lowering.cur = mid;
            condition(b.getOperand2(), t, f);
            return;
        }
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_not) {
            condition(u.getOperand(), f, t);
            return;
        }
        IASTExpression tested = testedOperand(e);
        if (tested != null) {
            condition(tested, t, f);
            return;
        }
        IASTExpression truth = comparedWithZero(e);
        if (truth != null) {
            // (c) != 0 is c, (c) == 0 is !c, for a c that is already 0 or 1 (what likely(c) and
            // unlikely(c) macros build before __builtin_expect: expect((c) != 0, 0))
            boolean negated = ((IASTBinaryExpression) e).getOperator() == IASTBinaryExpression.op_equals;
            condition(truth, negated ? f : t, negated ? t : f);
            return;
        }
        Expr c;
        int temporaries = lowering.classes.temporaryMark();
        try {
            c = lowering.truth(e);
        } catch (RuntimeException ex) {
            // a test the lowering fails on (CDT's name lookup can throw): both ways open, the branches still lowered
            if (DEBUG) ex.printStackTrace();
            lowering.diagnostics.add(new Diagnostic(Lowering.loc(e), Diagnostic.Level.NOTE,
                    "condition not modelled (" + ex.getClass().getSimpleName() + "): either way"));
            c = new Expr.Opaque("condition not modelled", Type.INT);
        }
        // the test's temporary objects are destroyed once it is decided, on both ways
        List<ClassLowering.Temporary> made = lowering.classes.takeTemporaries(temporaries);
        if (made.isEmpty()) {
            // a constant test goes one way only: {@code do { .. } while (0)} (what statement-like macros expand
            // to) is no loop, and {@code while (1)} leaves only where it breaks
            Long constant = ConstFold.value(c);
            if (constant != null) lowering.cur.to(constant != 0 ? t : f);
            else branch(c, t, f, Lowering.loc(e));
            return;
        }
        BasicBlock from = lowering.cur, yes = lowering.fn.newBlock(), no = lowering.fn.newBlock();
        branch(c, yes, no, Lowering.loc(e));
        SourceLoc end = Lowering.end(e);
        lowering.cur = yes;
        lowering.classes.destroyTemporaries(made, end);
        lowering.cur.to(t);
        lowering.cur = no;
        lowering.classes.destroyTemporaries(made, end);
        lowering.cur.to(f);
        lowering.cur = from;
    }

    /** The condition the prelude's {@code __try} expands to ({@code if (__memsafe_seh_try) ...}). */
    private static boolean sehTry(IASTExpression cond) {
        return cond instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression id && "__memsafe_seh_try".equals(id.getName().toString());
    }

    /**
     * The operand a condition tests through a wrapper that keeps its truth: {@code __builtin_expect(x, c)}
     * (what likely/unlikely macros expand to) and a conversion to bool, {@code bool(x)}; else null.
     */

    private static IASTExpression testedOperand(IASTExpression e) {
        if (e instanceof IASTFunctionCallExpression c && c.getFunctionNameExpression() instanceof IASTIdExpression id
                && "__builtin_expect".equals(id.getName().toString()) && c.getArguments().length == 2
                && c.getArguments()[0] instanceof IASTExpression x) return x;
        if (e instanceof ICPPASTSimpleTypeConstructorExpression stc && stc.getDeclSpecifier() instanceof IASTSimpleDeclSpecifier ds
                && ds.getType() == IASTSimpleDeclSpecifier.t_bool && stc.getInitializer() instanceof ICPPASTConstructorInitializer ci
                && ci.getArguments().length == 1 && ci.getArguments()[0] instanceof IASTExpression x) return x;
        return null;
    }

    /** The truth value {@code c} of {@code (c) != 0} or {@code (c) == 0}, where c is a comparison or a logical operation; else null. */
    private static IASTExpression comparedWithZero(IASTExpression e) {
        if (!(e instanceof IASTBinaryExpression b) || (b.getOperator() != IASTBinaryExpression.op_notequals && b.getOperator() != IASTBinaryExpression.op_equals)) return null;
        IASTExpression l = Lowering.unparen(b.getOperand1()), r = Lowering.unparen(b.getOperand2());
        IASTExpression other = isZero(r) ? l : isZero(l) ? r : null;
        return other != null && isTruthValue(other) ? other : null;
    }

    private static boolean isZero(IASTExpression e) {
        return e instanceof IASTLiteralExpression lit && lit.getKind() == IASTLiteralExpression.lk_integer_constant && "0".equals(String.valueOf(lit.getValue()));
    }

    /** A comparison, a logical and/or, or a logical not: its value is 0 or 1. */
    private static boolean isTruthValue(IASTExpression e) {
        if (e instanceof IASTUnaryExpression u) return u.getOperator() == IASTUnaryExpression.op_not;
        if (!(e instanceof IASTBinaryExpression b)) return false;
        return switch (b.getOperator()) {
            case IASTBinaryExpression.op_lessThan, IASTBinaryExpression.op_lessEqual, IASTBinaryExpression.op_greaterThan,
                 IASTBinaryExpression.op_greaterEqual, IASTBinaryExpression.op_equals, IASTBinaryExpression.op_notequals,
                 IASTBinaryExpression.op_logicalAnd, IASTBinaryExpression.op_logicalOr -> true;
            default -> false;
        };
    }

    void branch(Expr c, BasicBlock t, BasicBlock f, SourceLoc where) {
        BasicBlock yes = lowering.fn.newBlock(), no = lowering.fn.newBlock();
        yes.stmts.add(new Stmt.Assume(c, true, where));
        no.stmts.add(new Stmt.Assume(c, false, where));
        lowering.cur.to(yes);
        lowering.cur.to(no);
        yes.to(t);
        no.to(f);
    }

    /** Destroys the local objects of the open blocks deeper than {@code depth}, lowering.innermost first (a jump out of them). */
    private void leaveScopes(int depth, SourceLoc where) { leaveScopes(depth, where, null); }

    /** As {@link #leaveScopes(int, SourceLoc)}, but for {@code kept}, an object that becomes the function's result. */
    private void leaveScopes(int depth, SourceLoc where, Variable kept) {
        int n = lowering.scopes.size() - depth;
        for (List<Variable> scope : lowering.scopes) {
            if (n-- <= 0) break;
            if (kept != null && scope.contains(kept)) {
                List<Variable> others = new java.util.ArrayList<>(scope);
                others.remove(kept);
                lowering.classes.destroyLocals(others, where);
            } else lowering.classes.destroyLocals(scope, where);
        }
    }

    /**
     * The object a {@code return x;} of a function returning its class by value names, which becomes the
     * result: a local object (it is the caller's, by the named return value optimisation every compiler
     * makes, or a move that leaves nothing behind to free: the return does not destroy it), or a parameter
     * object its caller made and destroys after the call (the result is moved from it); else null.
     */
    private Variable returnedByName(IASTReturnStatement rs) {
        if (lowering.returnedClass == null || !(rs.getReturnValue() instanceof IASTExpression e)
                || !(Lowering.unparen(e) instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression id)
                || !(ClassLowering.classOf(e.getExpressionType()) instanceof ICPPClassType c) || !c.isSameType(lowering.returnedClass)) return null;
        org.eclipse.cdt.core.dom.ast.IBinding b = id.getName().resolveBinding();
        if (!(lowering.vars.get(b) instanceof Variable v)) return null;
        if (v.kind == Variable.Kind.LOCAL) return lowering.references.contains(v) ? null : v;
        return v.kind == Variable.Kind.PARAM && b instanceof org.eclipse.cdt.core.dom.ast.IParameter p && References.passedByAddress(p.getType()) != null ? v : null;
    }

    /**
     * {@code throw} (of {@code thrown}, null for a rethrow): the local objects of the blocks it leaves
     * are destroyed (innermost first), then control goes to the handlers of the innermost enclosing
     * try of this function, or leaves the function. Which handler matches is not decided: each may run.
     */
    void raise(Expr thrown, SourceLoc where) {
        if (thrown != null) {
            // the exception object goes to a handler the analysis does not follow: unknown code receives it
            withoutExceptionEdges(() -> lowering.emit(new Stmt.Call(null, null, new Expr.Opaque("exception handler", new Type.Pointer(Type.VOID)),
                    List.of(thrown), where)));
        }
        TryContext t = tries.peek();
        leaveScopes(t == null ? 0 : t.depth(), where);
        lowering.cur.to(t == null ? lowering.fn.exit : t.handlers());
        lowering.startNewBlock();
    }

    /**
     * After a call inside a try body (or before a throwing new): the callee may have thrown, so the
     * state after it (its effects done) also reaches the handlers, through the destructors of the try
     * body's local objects. The statements that follow go to a new block. Calls outside a try are not
     * given this edge: an exception then leaves the function, which callers see as the call returning.
     */
    void mayThrow(SourceLoc where) {
        TryContext t = tries.peek();
        if (t == null || noThrow) return;
        BasicBlock next = lowering.fn.newBlock(), unwind = lowering.fn.newBlock();
        lowering.cur.to(next);
        lowering.cur.to(unwind);
        lowering.cur = unwind;
        leaveScopes(t.depth(), where);
        lowering.cur.to(t.handlers());
        lowering.cur = next;
    }

    /** Lowers what {@code r} emits with no exception edge after its calls (calls that do not throw). */
    void withoutExceptionEdges(Runnable r) {
        boolean was = noThrow;
        noThrow = true;
        try {
            r.run();
        } finally {
            noThrow = was;
        }
    }

    /** Runs {@code body}'s lowering on the path where {@code pointer} is not null. */
    void ifNotNull(Expr pointer, Runnable body, SourceLoc where) {
        BasicBlock yes = lowering.fn.newBlock(), join = lowering.fn.newBlock();
        branch(pointer, yes, join, where);
        lowering.cur = yes;
        body.run();
        lowering.cur.to(join);
        lowering.cur = join;
    }
}
