package io.memsafe.frontend;

import io.memsafe.ir.BasicBlock;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Expr;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Function;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.Program;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.DataModel;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.eclipse.cdt.core.dom.ast.*;
import org.eclipse.cdt.core.dom.ast.cpp.*;
import org.eclipse.cdt.internal.core.dom.parser.c.CVisitor;
import org.eclipse.cdt.internal.core.dom.parser.cpp.semantics.CPPVisitor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lowering of calls: a direct call, a call through a function pointer, a method call with its
 * object as the explicit {@code this}, constructor-like calls of the standard-library models
 * (containers, strings, smart pointers), getters read as the member they return, and a call of a
 * name nothing declares (a macro the scan lacks), which may store into the locals it names.
 */
final class CallLowering {
    private final Lowering lw;

    CallLowering(Lowering lw) { this.lw = lw; }

    Expr call(IASTFunctionCallExpression c, SourceLoc where) {
        IASTExpression fe = lw.unparen(c.getFunctionNameExpression());
        if (fe instanceof IASTFieldReference fr && ContainerLowering.handles(fr)) return lw.containers.call(c, fr, where);
        if (fe instanceof IASTFieldReference fr && SmartPointerLowering.handles(fr)) return lw.smart.call(c, fr, where);
        if (fe instanceof IASTFieldReference fr && StringLowering.handles(fr)) return lw.strings.call(c, fr, where);
        if (fe instanceof IASTFieldReference fr && ViewLowering.handles(fr)) return lw.views.call(c, fr, where);
        if (SmartPointerLowering.handlesFree(c)) return lw.smart.freeCall(c, where);
        String callee = null;
        Expr calleeExpr = null;
        Expr object = null;
        java.util.Set<Integer> readOnly = new java.util.TreeSet<>();
        java.util.Map<Integer, Integer> strings = new java.util.TreeMap<>();
        ICPPMethod method = null;
        boolean noReturn = false;
        if (fe instanceof IASTIdExpression id) {
            IBinding b = id.getName().resolveBinding();
            noReturn = b instanceof IFunction nf && declaredNoReturn(nf, c.getTranslationUnit());
            if (b instanceof ICPPClassType cls) return new Expr.Load(lw.classes.temporary(c, cls, where), lw.typeOf(c));
            if (b instanceof IFunction f && AlgorithmLowering.handled(f, c) instanceof String name
                    && lw.algorithms.lower(name, c, where) instanceof Expr lowered) return lowered;
            if (b instanceof IFunction f) {
                PrototypeFacts.of(f, readOnly, strings);
                callee = LinkNames.of(f);
                if (f instanceof ICPPMethod m && !m.isStatic() && lw.thisVar != null) {
                    // a member function called from another on the same object
                    method = m;
                    object = new Expr.Load(new Lvalue.Var(lw.thisVar, where), lw.thisVar.type);
                    if (ClassModel.isVirtualCall(m)) calleeExpr = lw.classes.virtualTarget(object, m.getClassOwner(), m, where);
                }
            } else if (b instanceof IVariable) calleeExpr = lw.rvalue(fe);
            else callee = id.getName().getLastName().toString(); // implicit declaration in C89
        } else if (fe instanceof IASTFieldReference fr && fr.getFieldName().resolveBinding() instanceof ICPPMethod m) {
            callee = LinkNames.of(m);
            if (!m.isStatic()) {
                method = m;
                Type ownerType = lw.typeOf(fr.getFieldOwner());
                object = !fr.isPointerDereference() ? objectAddress(fr.getFieldOwner(), c)
                        : ownerType instanceof Type.Pointer || ownerType instanceof Type.Array ? lw.rvalue(fr.getFieldOwner())
                        : SmartPointerLowering.smartClass(fr.getFieldOwner().getExpressionType()) != null
                            && lw.smart.target(fr.getFieldOwner(), where) instanceof Expr owned ? owned // p->f() through a smart pointer
                        : new Expr.Opaque("operator->", new Type.Pointer(Type.UNKNOWN)); // an object's operator->
                if (ClassModel.isVirtualCall(m)) {
                    // evaluated once: the object is both the vtable's holder and the first argument
                    Variable o = lw.temp(object.type());
                    lw.emit(new Stmt.Assign(new Lvalue.Var(o, where), object, where));
                    object = new Expr.Load(new Lvalue.Var(o, where), o.type);
                    calleeExpr = lw.classes.virtualTarget(object, m.getClassOwner(), m, where);
                }
            }
        } else {
            calleeExpr = lw.rvalue(fe);
        }
        if (object != null && calleeExpr == null) {
            IASTExpression getter = MemberAccessors.returned(method, c);
            if (getter != null) {
                Expr read = memberRead(getter, method, object, References.returnsReference(c), lw.typeOf(c), where);
                if (read != null) return read;
            }
        }
        if ("__builtin_alloca".equals(callee) || "_alloca".equals(callee)) callee = "alloca";
        if (("__builtin_va_start".equals(callee) || "__builtin_va_copy".equals(callee)) && c.getArguments().length > 0
                && c.getArguments()[0] instanceof IASTExpression ap) {
            // va_start / va_copy initialise the va_list they are given
            Lvalue list = lw.lvalue(ap);
            lw.emit(new Stmt.Assign(list, new Expr.Opaque("va_list", list.type()), where));
            return new Expr.IntConst(0, Type.VOID);
        }
        if (calleeExpr != null) callee = null;
        IFunctionType calleeType = References.calleeType(c);
        List<Expr> args = new ArrayList<>();
        if (object != null) {
            args.add(object);
            // the prototype's facts are about the declared parameters, which follow the object
            java.util.Set<Integer> shifted = new java.util.TreeSet<>();
            for (int i : readOnly) shifted.add(i + 1);
            readOnly = shifted;
            java.util.Map<Integer, Integer> shiftedStrings = new java.util.TreeMap<>();
            strings.forEach((i, w) -> shiftedStrings.put(i + 1, w));
            strings = shiftedStrings;
        }
        if (undeclared(fe)) macroStores(c.getArguments(), where);
        args.addAll(lw.arguments(calleeType, c.getArguments()));
        Type rt = lw.typeOf(c);
        if (calleeType != null && References.isReference(calleeType.getReturnType())) rt = lw.pointer(rt);
        // a function with no declaration in sight (a header the scan lacks): CDT types the call void, but
        // C89 makes it return int; its result is unknown, not the 0 that stands for a void call's value
        if (rt instanceof Type.Void && undeclared(fe)) rt = Type.INT;
        if (callee != null && callee.startsWith("__builtin_va")) return new Expr.Opaque("va", rt);
        if (rt instanceof Type.Void) {
            lw.emit(new Stmt.Call(null, callee, calleeExpr, args, where, readOnly, strings));
            // a function declared never to return (noreturn, _Noreturn): the path ends in it
            if (noReturn) lw.endPath(where);
            return new Expr.IntConst(0, Type.VOID);
        }
        Variable t = lw.temp(rt);
        lw.emit(new Stmt.Call(new Lvalue.Var(t, where), callee, calleeExpr, args, where, readOnly, strings));
        return lw.load(new Lvalue.Var(t, where), where);
    }

    /** Names declared somewhere in the unit with a noreturn, or a hidden-visibility, attribute (computed on first use): a cheap filter before the exact test. */
    private java.util.Set<String> attributedNoReturn, attributedHidden;
    private final Map<IFunction, Boolean> noReturnOf = new HashMap<>(), hiddenOf = new HashMap<>();

    /** Is {@code f} declared never to return ({@code __attribute__((noreturn))}, {@code _Noreturn}, {@code [[noreturn]]})? */
    boolean declaredNoReturn(IFunction f, IASTTranslationUnit tu) {
        try {
            if (f.isNoReturn()) return true;
            if (attributedNoReturn == null) attributedNoReturn = attributedNames(tu, CallLowering::noReturn);
            if (!attributedNoReturn.contains(f.getName())) return false;
            // CDT looks at the declarator only; the attribute may stand before the declaration too
            return noReturnOf.computeIfAbsent(f, g -> attributed(g, tu, CallLowering::noReturn));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Is {@code f} declared with hidden visibility ({@code __attribute__((visibility("hidden")))}, what a
     * library's internal-function macro expands to)? Such a function is not in the library's interface:
     * no code outside the library calls it.
     */
    boolean declaredHidden(IFunction f, IASTTranslationUnit tu) {
        try {
            if (attributedHidden == null) attributedHidden = attributedNames(tu, CallLowering::hidden);
            if (!attributedHidden.contains(f.getName())) return false;
            return hiddenOf.computeIfAbsent(f, g -> attributed(g, tu, CallLowering::hidden));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Does some declaration of {@code f} in the unit carry an attribute {@code test} accepts, on its declarator or before it? */
    private static boolean attributed(IFunction f, IASTTranslationUnit tu, java.util.function.Predicate<IASTNode> test) {
        for (IASTName n : tu.getDeclarationsInAST(f)) {
            for (IASTNode at = n; at != null && !(at instanceof IASTTranslationUnit); at = at.getParent()) {
                if (at instanceof IASTAttributeOwner && test.test(at)) return true;
                if (at instanceof IASTSimpleDeclaration sd && test.test(sd.getDeclSpecifier())) return true;
                if (at instanceof IASTFunctionDefinition fd && test.test(fd.getDeclSpecifier())) return true;
                if (at instanceof IASTSimpleDeclaration || at instanceof IASTFunctionDefinition) break;
            }
        }
        return false;
    }

    /** Does an attribute's argument (a token, or a list of them) spell {@code word}, in quotes or not? */
    private static boolean says(IASTToken t, String word) {
        if (t instanceof IASTTokenList list) {
            for (IASTToken x : list.getTokens()) if (says(x, word)) return true;
            return false;
        }
        return t != null && t.getTokenCharImage() != null && new String(t.getTokenCharImage()).replace("\"", "").equals(word);
    }

    private static boolean hidden(IASTNode owner) {
        return hasAttribute(owner, (name, a) -> (name.equals("visibility") || name.equals("__visibility__")) && says(a.getArgumentClause(), "hidden"));
    }

    /** Does a node carry an attribute, by name and argument, that {@code test} accepts? */
    private static boolean hasAttribute(IASTNode owner, java.util.function.BiPredicate<String, IASTAttribute> test) {
        if (!(owner instanceof IASTAttributeOwner o)) return false;
        for (IASTAttributeSpecifier spec : o.getAttributeSpecifiers()) {
            if (!(spec instanceof IASTAttributeList list)) continue;
            for (IASTAttribute a : list.getAttributes()) if (test.test(new String(a.getName()), a)) return true;
        }
        return false;
    }

    /**
     * The names of the declarators of every declaration that carries an attribute {@code test} accepts
     * anywhere: one walk of the unit, where asking CDT for each function's declarations walks it once
     * per function (on curl, the check for hidden visibility of each definition took a twentieth of the scan).
     */
    private static java.util.Set<String> attributedNames(IASTTranslationUnit tu, java.util.function.Predicate<IASTNode> test) {
        java.util.Set<String> names = new java.util.HashSet<>();
        tu.accept(new ASTVisitor() {
            { shouldVisitDeclarations = true; }

            @Override
            public int visit(IASTDeclaration d) {
                if (d instanceof IASTSimpleDeclaration sd) {
                    boolean all = test.test(sd) || test.test(sd.getDeclSpecifier());
                    for (IASTDeclarator dr : sd.getDeclarators()) noteIf(all, dr, sd);
                } else if (d instanceof IASTFunctionDefinition fd) {
                    noteIf(test.test(fd) || test.test(fd.getDeclSpecifier()), fd.getDeclarator(), fd);
                }
                return PROCESS_CONTINUE;
            }

            private void noteIf(boolean declaration, IASTDeclarator dr, IASTNode owner) {
                IASTDeclarator inner = Lowering.innermost(dr);
                boolean marked = declaration;
                for (IASTNode at = inner.getName(); !marked && at != null && at != owner; at = at.getParent()) marked = test.test(at);
                if (marked) names.add(inner.getName().getLastName().toString());
            }
        });
        return names;
    }

    private static boolean noReturn(IASTNode owner) {
        return hasAttribute(owner, (name, a) -> name.equals("noreturn") || name.equals("__noreturn__"));
    }

    /** A C call of a name nothing declares (CDT binds it to an implicit external function). */
    private static boolean undeclared(IASTExpression fe) {
        return fe instanceof IASTIdExpression id && id.getName().resolveBinding() instanceof org.eclipse.cdt.internal.core.dom.parser.c.CExternalFunction
                && !id.getName().toString().startsWith("__builtin");
    }

    /**
     * A call of a name nothing declares is, in code that builds, a function-like macro of a header the
     * scan lacks, and such macros commonly store into the variables named as their arguments
     * ({@code local_irq_save(flags)}, iterator macros that set their cursor): each local variable passed
     * by name counts as written before the call reads it. Its value stays what it was: a pointer to the
     * caller's buffer handed to a routine the scan has no prototype of still designates that buffer.
     */
    private void macroStores(IASTInitializerClause[] actuals, SourceLoc where) {
        for (IASTInitializerClause a : actuals) {
            if (!(a instanceof IASTExpression x)) continue;
            if (lw.unparen(x) instanceof IASTIdExpression id) {
                if (!(lw.vars.get(id.getName().resolveBinding()) instanceof Variable v) || v.isGlobalStorage()) continue;
                Lvalue lv = new Lvalue.Var(v, where);
                lw.emit(new Stmt.Call(null, Stmt.MAY_STORE, null, List.of(new Expr.AddressOf(lv, lw.pointer(v.type))), where,
                        java.util.Set.of(), java.util.Map.of()));
            } else if (designatesWithoutEffects(x)) {
                // `get_uleb128 (*res, p, end)`: the object the lvalue designates (through a pointer, a
                // member, an element) counts as written; computed from names only, so evaluating it again
                // changes nothing
                lw.emit(new Stmt.Call(null, Stmt.MAY_STORE, null, List.of(lw.addressOf(x)), where, java.util.Set.of(), java.util.Map.of()));
            }
        }
    }

    /** An lvalue built of names, constants, `*`, members and subscripts only: no call, no assignment, no increment. */
    private boolean designatesWithoutEffects(IASTExpression e) {
        e = lw.unparen(e);
        if (e instanceof IASTIdExpression id) return lw.vars.get(id.getName().resolveBinding()) instanceof Variable;
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_star) return pure(u.getOperand());
        if (e instanceof IASTFieldReference fr) return fr.isPointerDereference() ? pure(fr.getFieldOwner()) : designatesWithoutEffects(fr.getFieldOwner());
        if (e instanceof IASTArraySubscriptExpression as && as.getArgument() instanceof IASTExpression ix)
            return pure(as.getArrayExpression()) && pure(ix);
        return false;
    }

    private boolean pure(IASTExpression e) {
        e = lw.unparen(e);
        if (e instanceof IASTLiteralExpression) return true;
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper) return designatesWithoutEffects(u.getOperand());
        return designatesWithoutEffects(e);
    }

    /**
     * The address of the object a member call {@code x.m()} is made on. A temporary object
     * ({@code Read(f, &b).ok()}) whose class declares a destructor is destroyed at the end of the
     * full-expression, unless the call returns an object by value (which may share what the temporary
     * owns, through a copy the analysis does not make).
     */
    private Expr objectAddress(IASTExpression owner, IASTFunctionCallExpression c) {
        ICPPClassType cls = ClassLowering.destroyedTemporary(Lowering.unparen(owner));
        Lvalue lv = lw.lvalue(owner);
        if (cls != null && ClassLowering.classOf(c.getExpressionType()) == null && !References.returnsReference(c)) lw.classes.madeTemporary(lv, cls);
        return new Expr.AddressOf(lv, lw.pointer(lv.type()));
    }

    /**
     * A getter's returned expression read in the caller with {@code object} as its {@code this} (see
     * {@link MemberAccessors}): the member's address for a reference result (what the call would
     * return), else its value; null for results of aggregate or unknown type (left to the call).
     */
    private Expr memberRead(IASTExpression returned, ICPPMethod m, Expr object, boolean reference, Type declared, SourceLoc where) {
        Type result = reference ? null : declared;
        if (result != null && !(result instanceof Type.Int || result instanceof Type.Pointer || result instanceof Type.Float)) return null;
        Variable self = lw.temp(lw.pointer(lw.types.lower(m.getClassOwner())));
        lw.emit(new Stmt.Assign(new Lvalue.Var(self, where), lw.convert(object, self.type), where));
        Variable saved = lw.thisVar;
        lw.thisVar = self;
        try {
            Expr v = reference ? lw.addressOf(returned) : lw.convert(lw.rvalue(returned), declared);
            Variable t = lw.temp(v.type());
            lw.emit(new Stmt.Assign(new Lvalue.Var(t, where), v, where));
            return new Expr.Load(new Lvalue.Var(t, where), t.type);
        } finally {
            lw.thisVar = saved;
        }
    }

    /** A call's arguments: a reference parameter receives the argument's address. */
}
