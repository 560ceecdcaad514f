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
 * Lowers one CDT translation unit into IR functions: every side effect becomes a statement, every
 * branch (if, loops, switch, goto, short-circuit operators, ?:) an explicit CFG edge guarded by an
 * {@link Stmt.Assume}. Constructs the IR does not model yet become {@link Expr.Opaque} values, so
 * the analysis treats them as unknown rather than failing.
 */
public final class Lowering {
    private final Program program;
    private final String unit;
    final List<Diagnostic> diagnostics;
    final TypeLowering types;
    final Map<IBinding, Variable> vars = new HashMap<>();
    private final GlobalSymbols globals;
    private int stringIds;

    // per-function state
    Function fn;
    BasicBlock cur;
    private int temps;
    final ContainerLowering containers = new ContainerLowering(this);
    final SmartPointerLowering smart = new SmartPointerLowering(this);
    final StringLowering strings = new StringLowering(this);
    final ViewLowering views = new ViewLowering(this);
    final ClassLowering classes = new ClassLowering(this);
    final StatementLowering statements = new StatementLowering(this);
    final AlgorithmLowering algorithms = new AlgorithmLowering(this);
    final OperatorLowering operators = new OperatorLowering(this);
    final CallLowering calls = new CallLowering(this);
    private final LvalueLowering lvalues = new LvalueLowering(this);
    private final InitializerLowering initializers = new InitializerLowering(this);
    /** The object parameter of the member function being lowered; null outside member functions. */
    Variable thisVar;
    /** Per open block, its local objects whose destructor runs when the block is left (innermost last). */
    final Deque<List<Variable>> scopes = new ArrayDeque<>();

    /** Variables of C++ reference type: each holds the address of its referent (see {@link References}). */
    final java.util.Set<Variable> references = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Whether the function being lowered returns a reference: its return statements yield an address. */
    boolean returnsReference;
    /** The class the function being lowered returns by value, or null. */
    ICPPClassType returnedClass;

    /** Globals and external symbols shared by all units of one program. */
    public static final class GlobalSymbols {
        final Map<String, Variable> byName = new HashMap<>();
        int ids;
        synchronized int nextId() { return ids++; }

        /**
         * The variable a unit's declaration of the global {@code key} links to: the one known, made
         * complete by this declaration's type when it was incomplete (an {@code extern char buf[];}
         * lowered before the definition), or a new one, which joins the unit's {@code part}.
         */
        synchronized Variable link(String key, String name, Type type, boolean isConst, SourceLoc where, Program part) {
            Variable var = byName.get(key);
            if (var == null) {
                var = new Variable(name, type, Variable.Kind.GLOBAL, where, nextId());
                var.isConst = isConst;
                byName.put(key, var);
                part.globals.add(var);
            } else if (var.type.size() < 0 && type.size() >= 0) {
                Variable better = new Variable(var.name, type, var.kind, var.declared, var.id);
                better.defined = var.defined;
                better.isConst = var.isConst;
                byName.put(key, better);
                int at = part.globals.indexOf(var);
                if (at >= 0) part.globals.set(at, better);
                else part.globals.add(better);
                var = better;
            }
            return var;
        }

        /**
         * Each function definition lowered (name and place, as {@link Program#add} identifies it) with its
         * unit, when units that define one again may leave it out ({@link #reuseDefinitions}).
         */
        private final Map<String, String> definedIn = new HashMap<>();
        /** Set when no unit's code is stored: a unit's code then need not hold what an earlier unit defined. */
        boolean reuseDefinitions;

        /**
         * Whether another unit lowered this definition before: the program keeps that first copy
         * ({@link Program#add}), so lowering it again only makes code that is dropped. A header's inline
         * functions are most of what a C++ unit defines (on fish-shell, 85% of the definitions lowered).
         */
        synchronized boolean loweredBefore(String definition, String unit) {
            String first = definedIn.get(definition);
            return first != null && !first.equals(unit);
        }

        /** Notes that {@code unit}'s code holds this definition (once it was lowered whole). */
        synchronized void lowered(String definition, String unit) {
            if (reuseDefinitions) definedIn.putIfAbsent(definition, unit);
        }

        /** The type of the variable {@link #link} would return for this declaration now, without linking it. */
        synchronized Type linkedType(String key, Type type) {
            Variable var = byName.get(key);
            if (var == null || (var.type.size() < 0 && type.size() >= 0)) return type;
            return var.type;
        }
    }

    /**
     * How this unit declares each global it names, by link key (a static one's key holds the unit):
     * what {@link LoweredUnit} stores so that a later scan links the unit's stored code to the globals
     * of the other units as this lowering did.
     */
    record GlobalDeclaration(String key, String name, Type type, boolean isConst, SourceLoc where) implements java.io.Serializable { }

    final Map<String, GlobalDeclaration> declared = new java.util.LinkedHashMap<>();
    /** Link keys of the globals this unit defines (not only declares {@code extern}). */
    final java.util.Set<String> defines = new java.util.HashSet<>();
    /** The link key of each global variable object this unit's code names. */
    final Map<Variable, String> linkKeys = new java.util.IdentityHashMap<>();
    /**
     * Each static local's id, with how many globals the unit had declared when it took it: ids come from
     * one counter, so {@link LoweredUnit} takes them again in the same order among the globals' links.
     */
    final Map<Integer, Integer> staticLocals = new java.util.LinkedHashMap<>();

    public Lowering(Program program, GlobalSymbols globals, String unit, DataModel model, List<Diagnostic> diagnostics) {
        this.types = new TypeLowering(model);
        this.program = program;
        this.globals = globals;
        this.unit = unit;
        this.diagnostics = diagnostics;
    }

    GlobalSymbols globals() { return globals; }

    Program program() { return program; }

    ContainerLowering containers() { return containers; }

    SmartPointerLowering smart() { return smart; }

    StringLowering strings() { return strings; }

    ViewLowering views() { return views; }

    StatementLowering statements() { return statements; }

    void warn(IASTNode where, String message) { diagnostics.add(new Diagnostic(loc(where), Diagnostic.Level.WARNING, message)); }

    Type lowerType(IType t) { return types.lower(t); }

    /** A pointer of the unit's data model. */
    Type.Pointer pointer(Type pointee) { return types.model().pointer(pointee); }

    DataModel model() { return types.model(); }

    public void lower(IASTTranslationUnit tu) {
        ClassModel.forgetUnit();
        try {
            for (IASTDeclaration d : tu.getDeclarations()) lowerTopLevel(d);
        } finally {
            ClassModel.forgetUnit();
        }
    }

    private void lowerTopLevel(IASTDeclaration d) {
        try {
            if (d instanceof IASTFunctionDefinition fd) lowerFunction(fd);
            else if (d instanceof IASTSimpleDeclaration sd) lowerGlobalDeclaration(sd);
            else if (d instanceof ICPPASTNamespaceDefinition ns) for (IASTDeclaration x : ns.getDeclarations()) lowerTopLevel(x);
            else if (d instanceof ICPPASTLinkageSpecification ls) for (IASTDeclaration x : ls.getDeclarations()) lowerTopLevel(x);
            else if (d instanceof ICPPASTTemplateDeclaration) { /* templates are analysed when instantiated: not yet */ }
            else if (d instanceof IASTProblemDeclaration p) {
                diagnostics.add(new Diagnostic(loc(p), Diagnostic.Level.WARNING, "syntax error: " + p.getProblem().getMessage()));
            }
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(new Diagnostic(loc(d), Diagnostic.Level.WARNING, "declaration not analysed (" + e.getClass().getSimpleName() + ")"));
        }
    }

    // ---------------------------------------------------------------- declarations

    private void lowerGlobalDeclaration(IASTSimpleDeclaration sd) {
        IASTDeclSpecifier spec = sd.getDeclSpecifier();
        int sc = spec.getStorageClass();
        if (sc == IASTDeclSpecifier.sc_typedef) return;
        if (spec instanceof ICPPASTCompositeTypeSpecifier cts) {
            for (IASTDeclaration m : cts.getMembers()) if (m instanceof IASTFunctionDefinition fd) lowerTopLevel(fd);
        }
        for (IASTDeclarator dtor : sd.getDeclarators()) {
            IASTDeclarator inner = innermost(dtor);
            IBinding b = inner.getName().resolveBinding();
            if (!(b instanceof IVariable v) || b instanceof IField) continue;
            Variable var = globalVariable(v, loc(dtor), sc == IASTDeclSpecifier.sc_static);
            boolean isExtern = sc == IASTDeclSpecifier.sc_extern;
            if (!isExtern || dtor.getInitializer() != null) {
                var.defined = true;
                defines.add(linkKeys.get(var));
            }
            IASTInitializer init = dtor.getInitializer();
            if (init != null) {
                List<Stmt> stmts = lowerStaticInitializer(var, init);
                program.globalInits.put(var, stmts);
            }
        }
    }

    Variable globalVariable(IVariable v, SourceLoc where, boolean isStatic) {
        Variable known = vars.get(v);
        if (known != null) return known;
        String key = isStatic ? unit + "::" + v.getName() : v.getName();
        GlobalDeclaration decl = new GlobalDeclaration(key, v.getName(), types.lower(v.getType()), isConstType(v.getType()), where);
        declared.putIfAbsent(key, decl);
        Variable var = globals.link(key, decl.name(), decl.type(), decl.isConst(), where, program);
        linkKeys.put(var, key);
        vars.put(v, var);
        // a global reference holds its referent's address, as a local one does
        if (References.isReference(v.getType())) references.add(var);
        return var;
    }

    private static boolean isConstType(IType t) {
        while (t instanceof ITypedef td) t = td.getType();
        return t instanceof IQualifierType q && q.isConst();
    }

    /** Initialisers of objects with static storage run once, before any function. */
    private List<Stmt> lowerStaticInitializer(Variable var, IASTInitializer init) {
        Function saved = fn;
        BasicBlock savedCur = cur;
        fn = new Function("<init " + var.name + ">", new Type.Function(Type.VOID, List.of(), false), List.of(), true, var.declared, unit);
        cur = fn.newBlock();
        fn.entry = cur;
        try {
            if (references.contains(var)) bind(var, init);
            else initialize(new Lvalue.Var(var, var.declared), var.type, init);
            return new ArrayList<>(cur.stmts);
        } finally {
            fn = saved;
            cur = savedCur;
        }
    }

    private void lowerFunction(IASTFunctionDefinition fd) {
        IASTFunctionDeclarator dtor = fd.getDeclarator();
        IASTDeclarator inner = innermost(dtor);
        IBinding b = inner.getName().resolveBinding();
        String name = b instanceof IFunction bf ? LinkNames.of(bf) : inner.getName().getLastName().toString();
        SourceLoc at = loc(fd);
        boolean isStatic = fd.getDeclSpecifier().getStorageClass() == IASTDeclSpecifier.sc_static
                || (b instanceof IFunction bf && LinkNames.internal(bf));
        if (globals.loweredBefore(name + "@" + at, unit)) {
            // what the program keeps of this unit's copy: that the unit's calls of the name reach the first one
            program.add(new Function(name, new Type.Function(Type.VOID, List.of(), false), List.of(), isStatic, at, unit));
            return;
        }
        Type ft = b instanceof IFunction f ? types.lower(f.getType()) : Type.UNKNOWN;
        Type.Function type = ft instanceof Type.Function t ? t : new Type.Function(Type.INT, List.of(), true);
        List<Variable> params = new ArrayList<>();
        boolean takesVaList = false;
        thisVar = null;
        scopes.clear();
        classes.reset();
        if (b instanceof ICPPMethod m && !m.isStatic() && m.getClassOwner() != null) {
            // the object a member function runs on is its first parameter
            thisVar = new Variable("this", pointer(types.lower(m.getClassOwner())), Variable.Kind.PARAM, loc(fd), 0);
            params.add(thisVar);
            List<Type> withThis = new ArrayList<>();
            withThis.add(thisVar.type);
            withThis.addAll(type.params());
            type = new Type.Function(type.returnType(), withThis, type.varargs());
        }
        temps = 0;
        statements.reset();
        if (dtor instanceof IASTStandardFunctionDeclarator sfd) {
            for (IASTParameterDeclaration pd : sfd.getParameters()) {
                IASTDeclarator pdt = innermost(pd.getDeclarator());
                IBinding pb = pdt.getName().resolveBinding();
                if (pb instanceof IParameter p) {
                    Type pt = unresolvedTypeName(pd.getDeclSpecifier()) ? unknownTyped(pd.getDeclarator()) : types.lower(p.getType());
                    if (pt instanceof Type.Array a) pt = pointer(a.element()); // parameters of array type are pointers
                    // an object its caller made for it: the callee has its address, and uses it as a reference
                    boolean byAddress = References.passedByAddress(p.getType()) != null;
                    if (byAddress) pt = pointer(pt);
                    Variable v = new Variable(p.getName(), pt, Variable.Kind.PARAM, loc(pd), params.size());
                    if (isVaList(p.getType())) takesVaList = true;
                    if (byAddress || References.isReference(p.getType())) references.add(v);
                    vars.put(p, v);
                    params.add(v);
                }
            }
        }
        returnsReference = b instanceof IFunction rf && References.isReference(rf.getType().getReturnType());
        returnedClass = !returnsReference && b instanceof IFunction cf ? ClassLowering.classOf(cf.getType().getReturnType()) : null;
        fn = new Function(name, type, params, isStatic, at, unit);
        fn.takesVaList = takesVaList;
        fn.noReturn = b instanceof IFunction nf && calls.declaredNoReturn(nf, fd.getTranslationUnit());
        fn.hidden = !isStatic && b instanceof IFunction hf && calls.declaredHidden(hf, fd.getTranslationUnit());
        fn.cplusplus = fd.getTranslationUnit() instanceof org.eclipse.cdt.core.dom.ast.cpp.ICPPASTTranslationUnit;
        fn.entry = fn.newBlock();
        fn.exit = fn.newBlock();
        cur = fn.newBlock();
        fn.entry.to(cur);
        if (fd instanceof ICPPASTFunctionDefinition cfd && thisVar != null) classes.memberInitializers(cfd);
        // a destructor's body ends (at its end or a return) in the destruction of the members and bases
        ICPPClassType destroyed = thisVar != null && b instanceof ICPPMethod dm && dm.isDestructor() ? dm.getClassOwner() : null;
        BasicBlock exit = fn.exit;
        if (destroyed != null) fn.exit = fn.newBlock();
        statements.lowerStatement(fd.getBody());
        cur.to(fn.exit);
        if (destroyed != null) {
            cur = fn.exit;
            SourceLoc end = end(fd);
            classes.destroyParts(classes.self(end), destroyed, end);
            cur.to(exit);
            fn.exit = exit;
        }
        program.add(fn);
        globals.lowered(name + "@" + at, unit);
        fn = null;
    }

    /** Is this the type of a {@code va_list} (the compiler's builtin, or the standard's name for it)? */
    private static boolean isVaList(IType t) {
        for (int depth = 0; t instanceof ITypedef td && depth < 16; depth++, t = td.getType()) {
            String n = td.getName();
            if (n.equals("__builtin_va_list") || n.equals("va_list") || n.equals("__gnuc_va_list")) return true;
        }
        return false;
    }

    /** A member of the object a member function runs on ({@code this->field}). */
    Lvalue member(IField field, SourceLoc where) {
        Lvalue slot = memberSlot(field, where);
        // a reference member holds the address of its referent, which every use designates
        return References.isReference(field.getType()) ? new Lvalue.Deref(new Expr.Load(slot, slot.type()), 0, Type.pointee(slot.type()), where) : slot;
    }

    /** The storage of a member of {@code *this} (for a reference member: the address it holds). */
    Lvalue memberSlot(IField field, SourceLoc where) {
        Type ft = types.lower(field.getType());
        long off = Type.pointee(thisVar.type) instanceof Type.Struct st && st.field(field.getName()) != null ? st.field(field.getName()).offset() : 0;
        return new Lvalue.Deref(new Expr.Load(new Lvalue.Var(thisVar, where), thisVar.type), off, ft, where);
    }

    /** Binds a reference member (or other slot holding a referent's address) to what an initialiser designates. */
    void bindSlot(Lvalue slot, IASTInitializer init) {
        IASTInitializerClause clause = null;
        if (init instanceof IASTEqualsInitializer eq) clause = eq.getInitializerClause();
        else if (init instanceof ICPPASTConstructorInitializer ci && ci.getArguments().length == 1) clause = ci.getArguments()[0];
        else if (init instanceof IASTInitializerList il && il.getClauses().length == 1) clause = il.getClauses()[0];
        SourceLoc where = loc(init);
        Expr address = clause instanceof IASTExpression e ? addressOf(e) : new Expr.Opaque("reference initialiser", slot.type());
        emit(new Stmt.Assign(slot, convert(address, slot.type()), where));
    }

    static IASTDeclarator innermost(IASTDeclarator d) {
        while (d.getNestedDeclarator() != null) d = d.getNestedDeclarator();
        return d;
    }

    private Variable local(IVariable v, SourceLoc where, boolean isStatic) {
        Variable known = vars.get(v);
        if (known != null) return known;
        Variable var;
        if (isStatic) {
            var = new Variable(v.getName(), types.lower(v.getType()), Variable.Kind.STATIC_LOCAL, where, globals.nextId());
            staticLocals.put(var.id, declared.size());
            var.defined = true;
            program.globals.add(var);
        } else {
            var = new Variable(v.getName(), types.lower(v.getType()), Variable.Kind.LOCAL, where, 10_000 + temps++);
        }
        if (References.isReference(v.getType())) references.add(var);
        vars.put(v, var);
        return var;
    }

    /**
     * The variables a declaration introduces, each written with a value the analysis does not know
     * ({@code what}): the element variable of a range-based for, rebound on every iteration.
     */
    void declareUnknown(IASTSimpleDeclaration sd, String what) {
        for (IASTDeclarator dtor : sd.getDeclarators()) {
            if (!(innermost(dtor).getName().resolveBinding() instanceof IVariable v)) continue;
            Variable var = local(v, loc(dtor), false);
            emit(new Stmt.Declare(var, loc(dtor)));
            classes.writeUnknown(new Lvalue.Var(var, loc(dtor)), what, loc(dtor));
        }
    }

    void lowerLocalDeclaration(IASTSimpleDeclaration sd) {
        int sc = sd.getDeclSpecifier().getStorageClass();
        if (sc == IASTDeclSpecifier.sc_typedef) return;
        for (IASTDeclarator dtor : sd.getDeclarators()) {
            IASTDeclarator inner = innermost(dtor);
            IBinding b = inner.getName().resolveBinding();
            if (!(b instanceof IVariable v)) continue;
            if (sc == IASTDeclSpecifier.sc_extern) {
                globalVariable(v, loc(dtor), false);
                continue;
            }
            boolean isStatic = sc == IASTDeclSpecifier.sc_static;
            Variable var = local(v, loc(dtor), isStatic);
            if (var.type instanceof Type.Array a && a.length() < 0 && dtor instanceof IASTArrayDeclarator ad) {
                // VLA or size CDT could not fold: the declared size is an expression of ours to evaluate
                IASTArrayModifier[] mods = ad.getArrayModifiers();
                if (mods.length == 1 && mods[0].getConstantExpression() != null) {
                    Expr size = rvalue(mods[0].getConstantExpression());
                    Long n = ConstFold.value(size);
                    if (n != null) {
                        Variable fixed = new Variable(var.name, new Type.Array(a.element(), n), var.kind, var.declared, var.id);
                        vars.put(v, fixed);
                        var = fixed;
                    }
                }
            }
            if (isStatic) {
                if (dtor.getInitializer() != null) program.globalInits.put(var, lowerStaticInitializer(var, dtor.getInitializer()));
                continue;
            }
            emit(new Stmt.Declare(var, loc(dtor)));
            ICPPClassType cls = references.contains(var) ? null : ClassLowering.classOf(v.getType());
            IASTInitializer init = dtor.getInitializer();
            boolean constructed = init == null || init instanceof ICPPASTConstructorInitializer || init instanceof IASTInitializerList;
            if (init == null && cls == null && var.type instanceof Type.Array arr && arr.element() instanceof Type.Struct
                    && ClassLowering.classOf(elementType(v.getType())) instanceof ICPPClassType ec
                    && (SmartPointerLowering.isSmart(ec) || ContainerLowering.isContainer(ec, false) || ClassModel.constructsMembers(ec))) {
                // an array of objects each made by its default constructor: written, values unknown
                SourceLoc where = loc(dtor);
                // (smart pointers too: they start null, but a range-based for that fills them binds an element it
                // does not know, so it cannot fill them)
                classes.writeUnknown(new Lvalue.Var(var, where), "constructed objects", where);
            }
            if (constructed && v instanceof ICPPVariable && !references.contains(var) && unresolvedObjects(var.type)) {
                // an object of a type from a header the scan lacks: its bytes are written, with values the
                // analysis does not know (objects of known classes: ClassLowering.construct)
                classes.writeUnknown(new Lvalue.Var(var, loc(dtor)), "constructed object", loc(dtor));
            }
            if (cls != null && init instanceof IASTInitializerList && !ClassModel.constructsMembers(cls)
                    && !ContainerLowering.isContainer(cls, false)) {
                // aggregate initialisation: C x{a, b} sets the members in order, C x{} zeroes them
                initialize(new Lvalue.Var(var, loc(dtor)), var.type, init);
            } else if (cls != null && init instanceof IASTEqualsInitializer eq && eq.getInitializerClause() instanceof IASTExpression x
                    && (SmartPointerLowering.isSmart(cls) || ContainerLowering.isContainer(cls, false)
                        || StringLowering.isString(cls) || ViewLowering.isView(cls))) {
                // T x = y: a smart pointer takes y's pointer (moved from when y is), a container y's elements
                SourceLoc where = loc(dtor);
                Lvalue target = new Lvalue.Var(var, where);
                if (SmartPointerLowering.isSmart(cls)) smart.construct(new Expr.AddressOf(target, pointer(var.type)), cls, new IASTInitializerClause[] {x}, where);
                else if (StringLowering.isString(cls)) strings.construct(target, new IASTInitializerClause[] {x}, where);
                else if (ViewLowering.isView(cls)) views.construct(target, new IASTInitializerClause[] {x}, where);
                else containers.copyInto(target, x, where);
            } else if (cls != null && init instanceof IASTEqualsInitializer eq && eq.getInitializerClause() instanceof IASTExpression x
                    && ClassLowering.converting(dtor, cls, x) instanceof ICPPMethod ctor) {
                // C x = y of a y of another type: the converting constructor C(y) makes x (a view of a string
                // keeps its data and its size, not the string's bytes)
                SourceLoc where = loc(dtor);
                classes.construct(new Expr.AddressOf(new Lvalue.Var(var, where), pointer(var.type)), cls, ctor, new IASTInitializerClause[] {x}, where);
            } else if (cls != null && init instanceof IASTEqualsInitializer eq && eq.getInitializerClause() instanceof IASTExpression x
                    && ClassModel.copiesDeep(cls) && x.getValueCategory() != IASTExpression.ValueCategory.PRVALUE
                    && ClassLowering.classOf(x.getExpressionType()) instanceof ICPPClassType from && from.isSameType(cls)) {
                // C x = y of another C: its copy constructor (its move constructor for std::move(y)) makes x
                SourceLoc where = loc(dtor);
                classes.copyConstruct(new Expr.AddressOf(new Lvalue.Var(var, where), pointer(var.type)), cls, x, where);
            } else if (cls != null && constructed) {
                // an object constructed in place: C x; C x(args); C x{args}
                IASTInitializerClause[] args = ClassLowering.initializerArguments(init);
                SourceLoc where = loc(dtor);
                classes.construct(new Expr.AddressOf(new Lvalue.Var(var, where), pointer(var.type)), cls,
                        ClassLowering.implicitlyCalled(dtor, false), args, where);
            } else if (init != null && references.contains(var)) bind(var, init);
            else if (init != null) initialize(new Lvalue.Var(var, loc(dtor)), var.type, init);
            if (cls != null && !scopes.isEmpty() && classes.destroyedAtScopeEnd(var, cls)) scopes.peek().add(var);
        }
    }

    /**
     * {@code T(x)} and {@code T{x}}: a scalar is the converted operand ({@code bool(f(&v))} still calls
     * f), {@code T()} is zero; an object is constructed by code the analysis does not follow, which
     * receives the arguments.
     */
    private Expr functionalCast(ICPPASTSimpleTypeConstructorExpression stc, SourceLoc where) {
        Type t = typeOf(stc);
        IASTInitializer init = stc.getInitializer();
        IASTInitializerClause[] args = ClassLowering.initializerArguments(init);
        boolean scalar = t instanceof Type.Int || t instanceof Type.Pointer || t instanceof Type.Float;
        if (scalar && args.length == 1 && args[0] instanceof IASTExpression x) return convert(rvalue(x), t);
        if (scalar && args.length == 0) return t instanceof Type.Float ? new Expr.Opaque("0.0", t) : new Expr.IntConst(0, t);
        Variable tmp = temp(t);
        emit(new Stmt.Declare(tmp, where));
        classes.constructUnresolved(new Expr.AddressOf(new Lvalue.Var(tmp, where), new Type.Pointer(t)), args, where);
        return load(new Lvalue.Var(tmp, where), where);
    }

    static boolean unresolvedName(IASTExpression e) {
        return e instanceof IASTIdExpression && e.getExpressionType() instanceof ISemanticProblem;
    }

    /** "name < b" (or "(name < b) > c") with name unresolved: a template call CDT could not read. */
    static boolean misparsedTemplate(IASTBinaryExpression b) {
        int op = b.getOperator();
        if (!(b instanceof ICPPASTBinaryExpression)) return false;
        if (op != IASTBinaryExpression.op_lessThan && op != IASTBinaryExpression.op_greaterThan) return false;
        IASTExpression l = unparen(b.getOperand1());
        if (l instanceof IASTBinaryExpression lb) return misparsedTemplate(lb);
        return op == IASTBinaryExpression.op_lessThan && l instanceof IASTIdExpression && l.getExpressionType() instanceof ISemanticProblem;
    }

    /** A type from a header the scan lacks, or an array of such: its objects are constructed by code the scan does not see. */
    private static boolean unresolvedObjects(Type t) {
        while (t instanceof Type.Array a) t = a.element();
        return t instanceof Type.Unknown;
    }

    /** A condition declaration with no initialiser: not C++, so a misparse of an expression whose names are unresolved. */
    static boolean uninitialisedCondition(IASTSimpleDeclaration d) {
        for (IASTDeclarator dt : d.getDeclarators()) if (innermost(dt).getInitializer() == null && dt.getInitializer() == null) return true;
        return d.getDeclarators().length == 0;
    }

    /** Binding a reference stores its referent's address; it is never rebound. */
    private void bind(Variable ref, IASTInitializer init) {
        IASTInitializerClause clause = null;
        if (init instanceof IASTEqualsInitializer eq) clause = eq.getInitializerClause();
        else if (init instanceof ICPPASTConstructorInitializer ci && ci.getArguments().length == 1) clause = ci.getArguments()[0];
        else if (init instanceof IASTInitializerList il && il.getClauses().length == 1) clause = il.getClauses()[0];
        SourceLoc where = loc(init);
        Expr address = clause instanceof IASTExpression e ? addressOf(e) : new Expr.Opaque("reference initialiser", ref.type);
        emit(new Stmt.Assign(new Lvalue.Var(ref, where), address, where));
    }

    /** The address a reference binds to: an lvalue's, or a temporary's holding an rvalue (a const T& to a value). */
    Expr addressOf(IASTExpression e) {
        Lvalue lv = lvalue(e);
        return new Expr.AddressOf(lv, pointer(lv.type()));
    }

    void initialize(Lvalue target, Type type, IASTInitializer init) {
        IASTInitializerClause[] listed = init instanceof ICPPASTConstructorInitializer ci ? ci.getArguments()
                : init instanceof ICPPASTInitializerList il ? il.getClauses()
                : init instanceof IASTEqualsInitializer eq && eq.getInitializerClause() instanceof ICPPASTInitializerList il ? il.getClauses()
                : null;
        if (listed != null && unresolvedObjects(type)) {
            // a type from a header the scan lacks (or an array of such), constructed from arguments: what its
            // constructor keeps of them is unknown, so they escape into it (an owner such as a smart pointer
            // frees them later)
            SourceLoc where = loc(init);
            IASTInitializerClause[] args = listed;
            classes.constructUnresolved(new Expr.AddressOf(target, new Type.Pointer(type)), args, where);
            return;
        }
        IASTInitializerClause clause = null;
        if (init instanceof IASTEqualsInitializer eq) clause = eq.getInitializerClause();
        else if (init instanceof IASTInitializerList il) clause = il;
        else if (init instanceof ICPPASTConstructorInitializer ci) {
            IASTInitializerClause[] args = ci.getArguments();
            if (args.length == 1) clause = args[0];
            else return;
        }
        if (clause == null) return;
        SourceLoc where = loc(init);
        if (clause instanceof IASTInitializerList list) {
            if (InitializerLowering.designated(list) && initializers.lower(target, type, list, where)) return;
            List<Expr> elems = new ArrayList<>();
            if (type instanceof Type.Unknown) {
                // a struct whose definition is in a header the scan lacks: where each value goes is unknown,
                // but the object holds them all (a buffer's address handed on in it stays reachable)
                initializers.values(list, elems);
            } else {
                for (IASTInitializerClause c : list.getClauses()) {
                    if (c instanceof IASTExpression e) elems.add(rvalue(e));
                    else elems.add(new Expr.Opaque("nested initializer", Type.UNKNOWN));
                }
            }
            emit(new Stmt.InitAggregate(target, null, elems, where));
        } else if (clause instanceof IASTExpression e) {
            if (type instanceof Type.Array && e instanceof IASTLiteralExpression lit && lit.getKind() == IASTLiteralExpression.lk_string_literal) {
                emit(new Stmt.InitAggregate(target, stringLiteral(lit), List.of(), where));
            } else if (type instanceof Type.Array) {
                emit(new Stmt.InitAggregate(target, null, List.of(rvalue(e)), where));
            } else if (e instanceof ICPPASTExpression && type instanceof Type.Struct && !(typeOf(e) instanceof Type.Struct)
                    && !(typeOf(e) instanceof Type.Unknown)) {
                // an object initialised from a value of another kind: a converting constructor the
                // analysis does not pick, which receives the value
                classes.constructUnresolved(new Expr.AddressOf(target, new Type.Pointer(type)), new IASTInitializerClause[] {e}, where);
            } else {
                Expr v = rvalue(e);
                emit(new Stmt.Assign(target, convert(v, type), where));
            }
        }
    }

    // ---------------------------------------------------------------- statements

    void emit(Stmt s) {
        cur.stmts.add(s);
        if (s instanceof Stmt.Call c) statements.mayThrow(c.loc());
    }

    /** No path goes on from here (a call that never returns, a case the program does not mean): an assumption that fails. */
    void endPath(SourceLoc where) {
        emit(new Stmt.Assume(new Expr.IntConst(0, Type.INT), true, where));
    }

    BasicBlock startNewBlock() {
        BasicBlock b = fn.newBlock();
        cur = b;
        return b;
    }


    static IASTExpression unparen(IASTExpression e) {
        while (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) e = u.getOperand();
        return e;
    }

    // ---------------------------------------------------------------- expressions

    Variable temp(Type t) {
        return new Variable("tmp" + temps, t, Variable.Kind.TEMP, SourceLoc.NONE, 10_000 + temps++);
    }

    /** An object the lowering makes that the source does not name (a parameter's copy), live until it is destroyed. */
    Variable object(String name, Type t, SourceLoc where) {
        return new Variable(name, t, Variable.Kind.LOCAL, where, 10_000 + temps++);
    }

    /** Evaluates for side effects only. */
    void effect(IASTExpression e) {
        e = unparen(e);
        if (e instanceof IASTUnaryExpression u) {
            int op = u.getOperator();
            if (op == IASTUnaryExpression.op_postFixIncr || op == IASTUnaryExpression.op_prefixIncr
                    || op == IASTUnaryExpression.op_postFixDecr || op == IASTUnaryExpression.op_prefixDecr) {
                operators.increment(u, op == IASTUnaryExpression.op_postFixIncr || op == IASTUnaryExpression.op_prefixIncr);
                return;
            }
        }
        if (e instanceof IASTExpressionList l) {
            for (IASTExpression x : l.getExpressions()) effect(x);
            return;
        }
        rvalue(e);
    }

    Expr rvalue(IASTExpression e) {
        if (e == null) return new Expr.Opaque("missing", Type.UNKNOWN);
        try {
            return rvalue0(e);
        } catch (RuntimeException ex) {
            return new Expr.Opaque("not modelled: " + ex.getClass().getSimpleName(), typeOf(e));
        }
    }

    /**
     * A declaration whose type is a name nothing declares (a typedef from a header the scan did not find):
     * its type is unknown, not the implicit int a prototype that named the type made of it
     * ({@code f(FILE *, uint64)} declares a parameter named uint64).
     */
    private static boolean unresolvedTypeName(org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier spec) {
        return spec instanceof org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier nts
                && nts.getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IProblemBinding;
    }

    /** The unknown type of such a declarator, with its pointers. */
    private Type unknownTyped(IASTDeclarator d) {
        Type t = Type.UNKNOWN;
        for (IASTDeclarator x = d; x != null; x = x.getNestedDeclarator()) {
            for (int i = 0; i < x.getPointerOperators().length; i++) t = types.model().pointer(t);
            if (x instanceof org.eclipse.cdt.core.dom.ast.IASTArrayDeclarator) t = types.model().pointer(t);
        }
        return t;
    }

    Type typeOf(IASTExpression e) {
        try {
            return types.lower(e.getExpressionType());
        } catch (RuntimeException ex) {
            return Type.UNKNOWN;
        }
    }

    private Expr rvalue0(IASTExpression e) {
        SourceLoc where = loc(e);
        switch (e) {
            case IASTLiteralExpression lit -> { return literal(lit); }
            case IASTIdExpression id -> {
                IBinding b = id.getName().resolveBinding();
                if (b instanceof IEnumerator en) {
                    IValue v = en.getValue();
                    Number n = v == null ? null : v.numberValue();
                    return n == null ? new Expr.Opaque("enumerator", Type.INT) : new Expr.IntConst(n.longValue(), Type.INT);
                }
                if (b instanceof IFunction f) return new Expr.FunctionRef(LinkNames.of(f), types.lower(f.getType()));
                if (b instanceof IVariable) return load(lvalue(e), where);
                return new Expr.Opaque("unresolved name " + id.getName(), typeOf(e));
            }
            case IASTUnaryExpression u -> { return operators.unary(u, where); }
            case IASTBinaryExpression b -> { return operators.binary(b, where); }
            case IASTCastExpression c -> { return convert(rvalue(c.getOperand()), typeOf(c)); }
            case ICPPASTSimpleTypeConstructorExpression stc -> { return functionalCast(stc, where); }
            case IASTTypeIdExpression t -> {
                if (t.getOperator() == IASTTypeIdExpression.op_sizeof) {
                    long s = typeIdType(t.getTypeId()).size();
                    return s < 0 ? new Expr.Opaque("sizeof incomplete type", model().sizeT()) : new Expr.IntConst(s, model().sizeT());
                }
                return new Expr.Opaque("type trait", typeOf(e));
            }
            case IASTArraySubscriptExpression a -> { return load(lvalue(a), where); }
            case IASTFieldReference f -> {
                if (!f.isPointerDereference() && (!(f.getFieldName().resolveBinding() instanceof IField fb) || fb instanceof org.eclipse.cdt.core.dom.ast.IProblemBinding)) {
                    // "o.m" where nothing declares m (o's structure comes from a header the scan lacks, or m
                    // is that header's macro): neither the member's place nor its type is known, so the
                    // value is unknown, not a read of o's first bytes
                    if (!(unparen(f.getFieldOwner()) instanceof IASTIdExpression)) effect(f.getFieldOwner());
                    return new Expr.Opaque("member nothing declares", typeOf(f));
                }
                return load(lvalue(f), where);
            }
            case IASTFunctionCallExpression c -> {
                if (References.returnsReference(c)) {
                    Expr address = calls.call(c, where);
                    // the value of what a lowered call designates directly (std::min's chosen value): that place itself
                    if (address instanceof Expr.AddressOf ao && ao.lv() instanceof Lvalue.Var && ao.lv().type().equals(typeOf(c))) return load(ao.lv(), where);
                    return load(new Lvalue.Deref(address, 0, typeOf(c), where), where);
                }
                return calls.call(c, where);
            }
            case IASTConditionalExpression c -> {
                Type t = typeOf(c);
                Variable tmp = temp(t);
                BasicBlock yes = fn.newBlock(), no = fn.newBlock(), join = fn.newBlock();
                statements.condition(c.getLogicalConditionExpression(), yes, no);
                cur = yes;
                Expr pv = c.getPositiveResultExpression() == null ? rvalue(c.getLogicalConditionExpression()) : rvalue(c.getPositiveResultExpression());
                emit(new Stmt.Assign(new Lvalue.Var(tmp, where), convert(pv, t), where));
                cur.to(join);
                cur = no;
                emit(new Stmt.Assign(new Lvalue.Var(tmp, where), convert(rvalue(c.getNegativeResultExpression()), t), where));
                cur.to(join);
                cur = join;
                return new Expr.Load(new Lvalue.Var(tmp, where), t);
            }
            case IASTExpressionList l -> {
                IASTExpression[] xs = l.getExpressions();
                for (int i = 0; i < xs.length - 1; i++) effect(xs[i]);
                return rvalue(xs[xs.length - 1]);
            }
            case ICPPASTNewExpression n -> {
                Type t = typeIdType(n.getTypeId());
                Type result = typeOf(n);
                IASTInitializerClause[] placement = n.getPlacementArguments();
                if (placement != null && placement.length == 1 && placement[0] instanceof IASTExpression arena
                        && (typeOf(arena) instanceof Type.Pointer || typeOf(arena) instanceof Type.Array)) {
                    // placement new: the object lives in the arena it is given, which bounds it; nothing is allocated
                    Variable tmp = temp(result);
                    emit(new Stmt.Assign(new Lvalue.Var(tmp, where), new Expr.Cast(rvalue(arena), result), where));
                    classes.constructNew(n, new Expr.Load(new Lvalue.Var(tmp, where), result), where);
                    return new Expr.Load(new Lvalue.Var(tmp, where), result);
                }
                Expr size;
                if (t instanceof Type.Array a && a.length() < 0) size = new Expr.Opaque("new[] size", model().sizeT());
                else size = t.size() < 0 ? new Expr.Opaque("size", model().sizeT()) : new Expr.IntConst(t.size(), model().sizeT());
                IASTTypeId tid = n.getTypeId();
                if (n.isArrayAllocation() && tid.getAbstractDeclarator() instanceof IASTArrayDeclarator ad) {
                    IASTArrayModifier[] mods = ad.getArrayModifiers();
                    if (mods.length > 0 && mods[0].getConstantExpression() != null) {
                        Expr count = rvalue(mods[0].getConstantExpression());
                        long elem = t instanceof Type.Array a ? a.element().size() : t.size();
                        size = new Expr.Binary(BinOp.MUL, count, new Expr.IntConst(Math.max(elem, 1), model().sizeT()), model().sizeT(), 1);
                    }
                }
                // a new without placement arguments throws bad_alloc when it fails (new (std::nothrow) returns null)
                if (placement == null || placement.length == 0) statements.mayThrow(where);
                Variable tmp = temp(result);
                emit(new Stmt.Allocate(new Lvalue.Var(tmp, where), size, n.isArrayAllocation() ? "new[]" : "new", where));
                classes.constructNew(n, new Expr.Load(new Lvalue.Var(tmp, where), result), where);
                initializeScalar(n, t, new Expr.Load(new Lvalue.Var(tmp, where), result), where);
                return new Expr.Load(new Lvalue.Var(tmp, where), result);
            }
            case ICPPASTDeleteExpression d -> {
                Expr pointer = rvalue(d.getOperand());
                ICPPClassType cls = d.isVectored() ? null : ClassLowering.classOf(d.getOperand().getExpressionType() instanceof IPointerType pt ? pt.getType() : null);
                if (cls != null && ClassModel.needsDestruction(cls)) {
                    // the destructor runs first, and not at all for a null pointer
                    Variable p = temp(pointer.type());
                    emit(new Stmt.Assign(new Lvalue.Var(p, where), pointer, where));
                    Expr object = new Expr.Load(new Lvalue.Var(p, where), p.type);
                    statements.ifNotNull(object, () -> classes.destroy(object, cls, where, true), where);
                    pointer = object;
                }
                emit(new Stmt.Free(pointer, d.isVectored() ? "new[]" : "new", where));
                return new Expr.IntConst(0, Type.VOID);
            }
            default -> { return new Expr.Opaque(e.getClass().getSimpleName(), typeOf(e)); }
        }
    }

    /** The element type of a (multi-dimensional) array type, through typedefs and qualifiers. */
    private static IType elementType(IType t) {
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof IArrayType a) t = a.getType();
            else if (t instanceof ITypedef td) t = td.getType();
            else if (t instanceof IQualifierType q) t = q.getType();
            else return t;
        }
        return null;
    }

    /** {@code new T(x)}, {@code new T{x}}, {@code new T()}: a scalar object is given its initial value. */
    private void initializeScalar(ICPPASTNewExpression n, Type t, Expr object, SourceLoc where) {
        if (n.isArrayAllocation() || !(t instanceof Type.Int || t instanceof Type.Pointer || t instanceof Type.Float)) return;
        IASTInitializer init = n.getInitializer();
        IASTInitializerClause[] args = init instanceof ICPPASTConstructorInitializer ci ? ci.getArguments()
                : init instanceof IASTInitializerList il ? il.getClauses() : null;
        if (args == null || args.length > 1) return;
        Expr value = args.length == 0 ? (t instanceof Type.Float ? new Expr.Opaque("0.0", t) : new Expr.IntConst(0, t))
                : args[0] instanceof IASTExpression x ? convert(rvalue(x), t) : null;
        if (value == null) return;
        emit(new Stmt.Assign(new Lvalue.Deref(object, 0, t, where), value, where));
    }

    private Type typeIdType(IASTTypeId tid) {
        try {
            IType t = tid instanceof ICPPASTTypeId ? CPPVisitor.createType(tid) : CVisitor.createType(tid.getAbstractDeclarator());
            return types.lower(t);
        } catch (RuntimeException ex) {
            return Type.UNKNOWN;
        }
    }

    /** Reads an lvalue; arrays decay to a pointer to their first element, functions to their address. */
    Expr load(Lvalue lv, SourceLoc where) {
        if (lv.type() instanceof Type.Array a) return new Expr.AddressOf(lv, pointer(a.element()));
        if (lv.type() instanceof Type.Function) return new Expr.AddressOf(lv, pointer(lv.type()));
        return new Expr.Load(lv, lv.type());
    }

    /** The address of a member or element of an object at a constant address ({@code &((T *)0)->f}), or null. */
    static Long constantAddress(Lvalue lv) {
        return switch (lv) {
            case Lvalue.Field f -> {
                Long base = constantAddress(f.base());
                yield base == null ? null : base + f.offset();
            }
            case Lvalue.Index ix -> {
                Long base = constantAddress(ix.base());
                Expr i = ix.index();
                while (i instanceof Expr.Cast c) i = c.operand();
                yield base == null || !(i instanceof Expr.IntConst k) || ix.type().size() < 0 ? null : base + k.value() * ix.type().size();
            }
            case Lvalue.Deref d -> {
                Expr p = d.pointer();
                while (p instanceof Expr.Cast c) p = c.operand();
                yield p instanceof Expr.IntConst k ? k.value() + d.byteOffset() : null;
            }
            case Lvalue.Var v -> null;
        };
    }

    /** A structure whose definition the scan lacks (a header it does not have), or a type it cannot name at all. */
    static boolean layoutUnknown(Type t) {
        return t instanceof Type.Unknown || t instanceof Type.Struct s && s.size() < 0;
    }

    /**
     * Where a member of a structure of unknown layout is taken to lie: a place of its own for each
     * member name (its offset is unknown; at 0 for all, `s->count++` moved the pointer `s->items`),
     * the same in every unit, in the window of offsets {@link Lvalue#UNKNOWN_LAYOUT_BASE} reserves
     * (steps of 16 bytes), which no bounds check reads.
     */
    static long unknownLayoutSlot(String member) {
        return Lvalue.UNKNOWN_LAYOUT_BASE + 16L * Math.floorMod(member.hashCode(), 32768);
    }

    Lvalue lvalue(IASTExpression e) { return lvalues.lower(e); }

    Expr pointerAdd(Expr ptr, Expr idx, Type elem) {
        long scale = elem.size() > 0 ? elem.size() : 1;
        Type pt = ptr.type() instanceof Type.Pointer ? ptr.type() : pointer(elem);
        return new Expr.Binary(BinOp.ADD, ptr, idx, pt, scale);
    }

    Expr truth(IASTExpression e) {
        if (SmartPointerLowering.smartClass(e.getExpressionType()) != null && smart.target(e, loc(e)) instanceof Expr owned) return owned;
        return rvalue(e);
    }

    Expr convert(Expr v, Type to) {
        if (to == null || to instanceof Type.Unknown || to.equals(v.type())) return v;
        if (to instanceof Type.Struct || to instanceof Type.Array || to instanceof Type.Void) return v;
        return new Expr.Cast(v, to);
    }

    List<Expr> arguments(IFunctionType calleeType, IASTInitializerClause[] actuals) {
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < actuals.length; i++) {
            if (actuals[i] instanceof IASTExpression ae) {
                ICPPClassType converted = References.bindsReference(calleeType, i) ? References.convertedTo(calleeType, i, ae) : null;
                ICPPClassType constructed = converted == null ? References.constructedParameter(calleeType, i, ae) : null;
                ICPPClassType made = converted == null && constructed == null ? References.passedByAddress(calleeType, i) : null;
                if (made != null) {
                    // an object of a class that owns something, made by the caller for the callee (a copy of
                    // the argument, or the argument itself when it is a temporary), given by its address and
                    // destroyed at the end of the full-expression
                    Lvalue object = classes.parameterObject(made, ae, loc(ae));
                    args.add(new Expr.AddressOf(object, pointer(object.type())));
                } else if (constructed != null) {
                    // a class parameter given a value of another kind (a string from a C string): a copy made
                    // by the class's converting constructor
                    args.add(new Expr.Load(classes.temporary(constructed, new IASTInitializerClause[] {ae}, loc(ae)), lowerType(constructed)));
                } else if (converted != null) {
                    // a const T& bound to a value of another type: a temporary T made by a converting
                    // constructor the analysis does not pick, which receives the value
                    SourceLoc where = loc(ae);
                    Variable t = temp(lowerType(converted));
                    emit(new Stmt.Declare(t, where));
                    Expr address = new Expr.AddressOf(new Lvalue.Var(t, where), pointer(t.type));
                    classes.constructUnresolved(address, new IASTInitializerClause[] {ae}, where);
                    args.add(address);
                } else {
                    args.add(References.bindsReference(calleeType, i) ? addressOf(ae) : smart.handedOver(ae, loc(ae)));
                }
            }
            else args.add(new Expr.Opaque("argument", Type.UNKNOWN));
        }
        return args;
    }

    private Expr literal(IASTLiteralExpression lit) {
        String text = new String(lit.getValue());
        Type t = typeOf(lit);
        switch (lit.getKind()) {
            case IASTLiteralExpression.lk_integer_constant: {
                Long v = ConstFold.parseInteger(text);
                return v == null ? new Expr.Opaque("integer literal", t) : new Expr.IntConst(v, t instanceof Type.Int ? t : Type.INT);
            }
            case IASTLiteralExpression.lk_char_constant: {
                boolean wide = text.startsWith("L") || text.startsWith("u") || text.startsWith("U");
                String body = text.substring(text.indexOf('\'') + 1, text.lastIndexOf('\''));
                List<Integer> cps = StringLiterals.decode(body);
                long v = cps.isEmpty() ? 0 : cps.get(0);
                if (!wide && v > 127) v = (byte) v;
                return new Expr.IntConst(v, !wide ? Type.INT : text.startsWith("L") ? model().wchar() : new Type.Int(4, true, true));
            }
            case IASTLiteralExpression.lk_string_literal: return stringLiteral(lit);
            case IASTLiteralExpression.lk_float_constant: {
                try {
                    return new Expr.FloatConst(Double.parseDouble(text.replaceAll("[fFlL]+$", "")), t);
                } catch (NumberFormatException ex) {
                    return new Expr.Opaque("float literal", t);
                }
            }
            case IASTLiteralExpression.lk_this:
                return thisVar == null ? new Expr.Opaque("this", t) : new Expr.Load(new Lvalue.Var(thisVar, loc(lit)), thisVar.type);
            case IASTLiteralExpression.lk_true: return new Expr.IntConst(1, Type.BOOL);
            case IASTLiteralExpression.lk_false: return new Expr.IntConst(0, Type.BOOL);
            case IASTLiteralExpression.lk_nullptr: return new Expr.IntConst(0, pointer(Type.VOID));
            default: return new Expr.Opaque("literal", t);
        }
    }

    private Expr stringLiteral(IASTLiteralExpression lit) {
        String text = new String(lit.getValue());
        StringLiterals.Decoded d = StringLiterals.parse(text, model().wcharSize);
        Type elem = d.elementSize() == 1 ? Type.CHAR : d.elementSize() == model().wcharSize && d.wide() ? model().wchar() : new Type.Int(d.elementSize(), true, true);
        return new Expr.StringLit(d.text(), d.elementSize(), new Type.Array(elem, d.text().length() + 1), unit + "#" + stringIds++);
    }

    /** Where a node ends (a block's closing brace, where its objects are destroyed). */
    static SourceLoc end(IASTNode n) {
        try {
            IASTFileLocation fl = n.getFileLocation();
            return SourceFiles.locate(fl.getFileName(), fl.getEndingLineNumber(), fl.getNodeOffset() + Math.max(0, fl.getNodeLength() - 1));
        } catch (RuntimeException e) {
            return SourceLoc.NONE;
        }
    }

    static SourceLoc loc(IASTNode n) {
        try {
            return CdtParser.loc(n.getFileLocation());
        } catch (RuntimeException e) {
            return SourceLoc.NONE;
        }
    }
}
