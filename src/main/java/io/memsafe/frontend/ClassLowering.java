package io.memsafe.frontend;

import io.memsafe.ir.Expr;
import io.memsafe.ir.Lvalue;
import io.memsafe.ir.SourceLoc;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;
import io.memsafe.ir.Variable;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTImplicitName;
import org.eclipse.cdt.core.dom.ast.IASTImplicitNameOwner;
import org.eclipse.cdt.core.dom.ast.IASTInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IFunctionType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTConstructorChainInitializer;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTConstructorInitializer;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTNewExpression;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPConstructor;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod;
import org.eclipse.cdt.internal.core.dom.parser.cpp.semantics.CPPVisitor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * C++ objects made explicit in the IR: a member function takes the object's address as its first
 * parameter ({@code this}); constructing an object stores its class's vtable address and calls the
 * constructor the program declares; destroying one calls its declared destructor; a virtual call
 * loads the function from the object's vtable, so the value analysis' knowledge of the object
 * (which constructor made it) decides which override runs. Constructing an object also constructs
 * by default its bases and members of class type that no initialiser names ({@link #constructParts},
 * before a constructor's body, or as all of the default constructor the compiler makes); the copy
 * constructor the compiler makes is the IR's struct copy. Destroying an object also destroys its
 * members of class type (last declared first), then its bases (last first): after the body of the
 * destructor the program declares ({@link #destroyParts}, run at the end of each destructor it
 * lowers), or as all of the destructor the compiler makes when it declares none.
 */
final class ClassLowering {
    private final Lowering lowering;

    /** The class of each local object of the function being lowered whose destructor runs at its block's end. */
    private final Map<Variable, ICPPClassType> destructible = new IdentityHashMap<>();

    ClassLowering(Lowering lowering) {
        this.lowering = lowering;
    }

    /** A new function: no local objects yet. */
    void reset() {
        destructible.clear();
        temporaries.clear();
    }

    /** A class of the standard library the lowering models (smart pointers, strings, views, containers). */
    static boolean libraryClass(ICPPClassType c) {
        return SmartPointerLowering.isSmart(c) || StringLowering.isString(c) || ViewLowering.isView(c) || ContainerLowering.isContainer(c, false);
    }

    /**
     * What follows the body of a destructor of {@code c}, or is all of the one the compiler makes: the
     * members of class type that need it destroyed, last declared first, then the bases, last first
     * (a base's members are the object's own, at the places the layout gives them).
     */
    void destroyParts(Expr object, ICPPClassType c, SourceLoc where) {
        if (!(Type.pointee(object.type()) instanceof Type.Struct st)) return;
        try {
            IField[] fields = c.getDeclaredFields();
            for (int i = fields.length - 1; i >= 0; i--) {
                IField f = fields[i];
                ICPPClassType fc = f.isStatic() ? null : classOf(f.getType());
                Type.Field at = fc == null ? null : st.field(f.getName());
                if (at == null || !ClassModel.needsDestruction(fc)) continue;
                Lvalue member = new Lvalue.Deref(object, at.offset(), at.type(), where);
                destroy(new Expr.AddressOf(member, lowering.pointer(at.type())), fc, where, false);
            }
            org.eclipse.cdt.core.dom.ast.cpp.ICPPBase[] bases = c.getBases();
            for (int i = bases.length - 1; i >= 0; i--) {
                if (!(bases[i].getBaseClass() instanceof ICPPClassType bc) || !ClassModel.needsDestruction(bc)) continue;
                destroy(lowering.convert(object, lowering.pointer(lowering.lowerType(bc))), bc, where, false);
            }
        } catch (RuntimeException e) {
            // a class the parser could not resolve: its parts are left as they are
        }
    }

    /**
     * Constructs at {@code object} a copy of {@code source}, an object of class {@code c}: by the copy
     * constructor the program provides (its move constructor for {@code std::move(x)}), else by the
     * compiler's.
     */
    void copyConstruct(Expr object, ICPPClassType c, org.eclipse.cdt.core.dom.ast.IASTExpression source, SourceLoc where) {
        copyConstruct(object, c, source, source.getValueCategory() == org.eclipse.cdt.core.dom.ast.IASTExpression.ValueCategory.XVALUE, where);
    }

    /** As {@link #copyConstruct(Expr, ICPPClassType, org.eclipse.cdt.core.dom.ast.IASTExpression, SourceLoc)}, moving from {@code source} when {@code move}. */
    void copyConstruct(Expr object, ICPPClassType c, org.eclipse.cdt.core.dom.ast.IASTExpression source, boolean move, SourceLoc where) {
        ICPPConstructor k = ClassModel.copyConstructor(c, move);
        if (ClassModel.userProvided(k)) {
            construct(object, c, k, new IASTInitializerClause[] {source}, where);
            return;
        }
        storeVtable(object, c, where);
        compilerCopy(object, c, source, where);
    }

    /**
     * The compiler's copy constructor: a copy of the members, each member or base whose class provides
     * a copy constructor copied by it (a temporary's parts are its own: no copy).
     */
    private void compilerCopy(Expr object, ICPPClassType c, org.eclipse.cdt.core.dom.ast.IASTExpression e, SourceLoc where) {
        Type t = Type.pointee(object.type());
        if (ClassModel.copiesDeep(c) && e.getValueCategory() != org.eclipse.cdt.core.dom.ast.IASTExpression.ValueCategory.PRVALUE) {
            Variable from = lowering.temp(object.type());
            lowering.emit(new Stmt.Assign(new Lvalue.Var(from, where), lowering.convert(lowering.addressOf(e), object.type()), where));
            Expr source = new Expr.Load(new Lvalue.Var(from, where), from.type);
            lowering.emit(new Stmt.Assign(new Lvalue.Deref(object, 0, t, where), new Expr.Load(new Lvalue.Deref(source, 0, t, where), t), where));
            copyParts(object, source, c, where);
        } else lowering.emit(new Stmt.Assign(new Lvalue.Deref(object, 0, t, where), lowering.rvalue(e), where));
    }

    /**
     * After the bytes of {@code source} (an object of class {@code c}) were copied to {@code object}: the
     * members and bases whose copy runs code of the program ({@link ClassModel#copiesDeep}) copied by
     * their copy constructors, as the compiler's copy constructor of {@code c} does.
     */
    private void copyParts(Expr object, Expr source, ICPPClassType c, SourceLoc where) {
        if (!(Type.pointee(object.type()) instanceof Type.Struct st)) return;
        try {
            for (org.eclipse.cdt.core.dom.ast.cpp.ICPPBase b : c.getBases()) {
                if (!(b.getBaseClass() instanceof ICPPClassType bc) || !ClassModel.copiesDeep(bc)) continue;
                Type bp = lowering.pointer(lowering.lowerType(bc));
                copyPart(lowering.convert(object, bp), lowering.convert(source, bp), bc, where);
            }
            for (IField f : c.getDeclaredFields()) {
                ICPPClassType fc = f.isStatic() ? null : classOf(f.getType());
                Type.Field at = fc == null ? null : st.field(f.getName());
                if (at == null || !ClassModel.copiesDeep(fc)) continue;
                Type mp = lowering.pointer(at.type());
                copyPart(new Expr.AddressOf(new Lvalue.Deref(object, at.offset(), at.type(), where), mp),
                        new Expr.AddressOf(new Lvalue.Deref(source, at.offset(), at.type(), where), mp), fc, where);
            }
        } catch (RuntimeException e) {
            // a class the parser could not resolve: its parts stay copied byte by byte
        }
    }

    /** Copies the part at {@code source} of class {@code c} to {@code object}, whose bytes hold its copy already. */
    private void copyPart(Expr object, Expr source, ICPPClassType c, SourceLoc where) {
        ICPPConstructor k = ClassModel.copyConstructor(c, false);
        if (ClassModel.userProvided(k)) {
            // (the constructor writes every member it sets anew: the bytes copied before are not the object's own)
            lowering.emit(new Stmt.Call(null, LinkNames.of(k), null, List.of(object, source), where));
        } else copyParts(object, source, c, where);
    }

    /** A new object of a class with virtual functions points to the class's vtable. */
    private void storeVtable(Expr object, ICPPClassType c, SourceLoc where) {
        if (!ClassModel.isPolymorphic(c)) return;
        Variable table = vtable(c, where);
        Type slotPointer = lowering.pointer(lowering.pointer(Type.VOID));
        lowering.emit(new Stmt.Assign(new Lvalue.Deref(object, 0, slotPointer, where),
                new Expr.AddressOf(new Lvalue.Var(table, where), slotPointer), where));
    }

    /** A temporary object of the full-expression being lowered, made in block {@code made}, destroyed at its end. */
    record Temporary(Variable var, ICPPClassType cls, io.memsafe.ir.BasicBlock made) { }

    /**
     * The temporary objects of the full-expression being lowered whose destructor runs at its end: a call's
     * result an expression statement discards ({@code s.Iterate(&h);} returning a status that owns a
     * message), the object a member call is made on ({@code if (!Read(f, &b).ok())}).
     */
    private final List<Temporary> temporaries = new ArrayList<>();

    /**
     * The class of a temporary object (a prvalue) whose destructor the program declares, which the end
     * of its full-expression runs; null for any other expression (the library's strings, containers and
     * smart pointers are lowered by their own models).
     */
    static ICPPClassType destroyedTemporary(org.eclipse.cdt.core.dom.ast.IASTExpression e) {
        if (!StringLowering.isTemporary(e)) return null;
        ICPPClassType c = classOf(e.getExpressionType());
        if (c == null || libraryClass(c) || !ClassModel.needsDestruction(c)) return null;
        return c;
    }

    /**
     * The object a call makes for a parameter of class {@code c} passed by address
     * ({@link References#passedByAddress}) from the argument {@code arg}: a temporary (a prvalue) is
     * that object itself; any other argument is copied into a new one by the class's copy constructor
     * (its move constructor for {@code std::move(x)}; the compiler's copies the members). It is
     * destroyed at the end of the full-expression, as a temporary.
     */
    Lvalue parameterObject(ICPPClassType c, org.eclipse.cdt.core.dom.ast.IASTExpression arg, SourceLoc where) {
        org.eclipse.cdt.core.dom.ast.IASTExpression.ValueCategory category = arg.getValueCategory();
        // an object that lives to the end of the full-expression (what the callee leaves in it is held
        // while the callee runs), not a value an expression is done with once read
        boolean temporary = category == org.eclipse.cdt.core.dom.ast.IASTExpression.ValueCategory.PRVALUE;
        String text = arg.getRawSignature();
        Variable t = lowering.object((temporary ? "the argument " : "the copy of ") + (text.length() <= 40 && text.indexOf('\n') < 0 ? text : "an argument"),
                lowering.lowerType(c), where);
        if (temporary) {
            Expr v = lowering.rvalue(arg);
            // one the expression made and destroys already
            if (v instanceof Expr.Load l && l.lv() instanceof Lvalue.Var made) for (Temporary m : temporaries) if (m.var() == made.var()) return made;
            lowering.emit(new Stmt.Declare(t, where));
            lowering.emit(new Stmt.Assign(new Lvalue.Var(t, where), v, where));
        } else {
            lowering.emit(new Stmt.Declare(t, where));
            copyConstruct(new Expr.AddressOf(new Lvalue.Var(t, where), lowering.pointer(t.type)), c, arg, where);
        }
        Lvalue object = new Lvalue.Var(t, where);
        if (ClassModel.needsDestruction(c)) madeTemporary(object, c);
        return object;
    }

    /** Remembers a temporary object of class {@code c} made at {@code lv}, to destroy at the end of its full-expression. */
    void madeTemporary(Lvalue lv, ICPPClassType c) {
        if (lv instanceof Lvalue.Var v) temporaries.add(new Temporary(v.var(), c, lowering.cur));
    }

    /** How many temporaries the full-expressions being lowered have made so far. */
    int temporaryMark() { return temporaries.size(); }

    /**
     * The temporaries made since {@code mark}, taken off the list: those made in the block the lowering
     * is in now, which every path from where they were made to here has gone through in a line (one
     * made on an arm of {@code c ? a.f() : 0} is not, and is left alone: destroying it on the other
     * arm would destroy what was never made).
     */
    List<Temporary> takeTemporaries(int mark) {
        List<Temporary> since = temporaries.subList(Math.min(mark, temporaries.size()), temporaries.size());
        List<Temporary> out = new ArrayList<>();
        for (Temporary t : since) if (t.made() == lowering.cur) out.add(t);
        since.clear();
        return out;
    }

    /** Destructor calls for temporaries {@link #takeTemporaries} gave, last made first. */
    void destroyTemporaries(List<Temporary> made, SourceLoc where) {
        for (int i = made.size() - 1; i >= 0; i--) {
            Variable v = made.get(i).var();
            destroy(new Expr.AddressOf(new Lvalue.Var(v, where), lowering.pointer(v.type)), made.get(i).cls(), where, false);
        }
    }

    /** Whether a local object needs its destructor called when its block is left (it is then remembered). */
    boolean destroyedAtScopeEnd(Variable local, ICPPClassType c) {
        if (!ClassModel.needsDestruction(c)) return false;
        destructible.put(local, c);
        return true;
    }

    /** Destructor calls for a block's local objects, last constructed first. */
    void destroyLocals(List<Variable> locals, SourceLoc where) {
        for (int i = locals.size() - 1; i >= 0; i--) {
            Variable v = locals.get(i);
            destroy(new Expr.AddressOf(new Lvalue.Var(v, where), lowering.pointer(v.type)), destructible.get(v), where, false);
        }
    }

    /**
     * A constructor's member initialisers, in the order written (members named; base classes are left
     * out); then, in a constructor, the bases and members of class type that no initialiser names and
     * no default initialiser sets are constructed by default ({@link #constructParts}).
     */
    void memberInitializers(ICPPASTFunctionDefinition fd) {
        java.util.Set<IBinding> named = new java.util.HashSet<>();
        ICPPClassType owner = fd.getDeclarator().getName().resolveBinding() instanceof ICPPConstructor self ? self.getClassOwner() : null;
        boolean delegated = false;
        for (ICPPASTConstructorChainInitializer mi : fd.getMemberInitializers()) {
            try {
                IBinding target = mi.getMemberInitializerId().resolveBinding();
                ICPPClassType base = target instanceof ICPPConstructor k ? k.getClassOwner() : target instanceof ICPPClassType c ? c : null;
                named.add(base != null ? base : target);
                if (owner != null && base != null) {
                    // Base(args), or a constructor handing the object to another of its class (which then makes all of it)
                    delegated |= base.equals(owner);
                    constructBase(mi, base, target instanceof ICPPConstructor k ? k : implicitlyCalled(mi, false));
                } else if (target instanceof IField field && !field.isStatic() && References.isReference(field.getType())) {
                    lowering.bindSlot(lowering.memberSlot(field, Lowering.loc(mi)), mi.getInitializer());
                } else if (target instanceof IField field && !field.isStatic()) {
                    Lvalue member = lowering.member(field, Lowering.loc(mi));
                    ICPPClassType cls = classOf(field.getType());
                    ICPPMethod constructor = implicitlyCalled(mi, false);
                    if (cls != null && constructor != null && mi.getInitializer() instanceof ICPPASTConstructorInitializer ci) {
                        // a member object built by the constructor the initialiser picks (m_(input) with
                        // m_'s class taking a string), not a copy of the argument
                        construct(new Expr.AddressOf(member, lowering.pointer(member.type())), cls, constructor, ci.getArguments(), Lowering.loc(mi));
                    } else if (cls != null && mi.getInitializer() instanceof IASTInitializerList il && (constructor != null || libraryClass(cls))) {
                        // m_{} or m_{args} of a class with constructors: the constructor picked runs (a default
                        // constructor that fills a buffer, a vector that starts with a block), it does not zero the member
                        construct(new Expr.AddressOf(member, lowering.pointer(member.type())), cls, constructor, il.getClauses(), Lowering.loc(mi));
                    } else {
                        lowering.initialize(member, member.type(), mi.getInitializer());
                    }
                }
            } catch (RuntimeException e) {
                lowering.warn(mi, "member initialiser not analysed (" + e.getClass().getSimpleName() + ")");
            }
        }
        try {
            if (owner != null && !delegated) {
                SourceLoc where = Lowering.loc(fd);
                constructParts(self(where), owner, named, where);
            }
        } catch (RuntimeException e) {
            // a class the parser could not resolve: its parts stay as the constructed object's unknown contents
        }
    }

    /** The object a member function runs on ({@code this}). */
    Expr self(SourceLoc where) {
        return new Expr.Load(new Lvalue.Var(lowering.thisVar, where), lowering.thisVar.type);
    }

    /**
     * A base (or, delegating, the class itself) constructed by the initialiser {@code mi}: the constructor it
     * picks, on the object as that class, with no vtable store (the complete object's is there already);
     * by default, its own parts. The copy the compiler makes from another object is left out.
     */
    private void constructBase(ICPPASTConstructorChainInitializer mi, ICPPClassType base, ICPPMethod constructor) {
        SourceLoc where = Lowering.loc(mi);
        IASTInitializer init = mi.getInitializer();
        IASTInitializerClause[] args = initializerArguments(init);
        Expr object = lowering.convert(self(where), lowering.pointer(lowering.lowerType(base)));
        if (constructor != null && !constructor.isImplicit()) {
            callConstructor(object, constructor, args, where);
        } else if (args.length == 0) {
            constructParts(object, base, java.util.Set.of(), where);
        } else {
            for (IASTInitializerClause a : args) if (a instanceof org.eclipse.cdt.core.dom.ast.IASTExpression e) lowering.effect(e);
        }
    }

    /**
     * The bases and members of class type of the object at {@code object} that {@code named} leaves out
     * and no default initialiser sets, constructed by default, as the compiler does before a constructor's
     * body (or as all of the default constructor it makes): a base by its default constructor (no vtable
     * store: the complete object's is there already), a member as a complete object.
     */
    void constructParts(Expr object, ICPPClassType c, java.util.Set<IBinding> named, SourceLoc where) {
        if (!(Type.pointee(object.type()) instanceof Type.Struct st)) return;
        IASTInitializerClause[] none = new IASTInitializerClause[0];
        for (org.eclipse.cdt.core.dom.ast.cpp.ICPPBase b : c.getBases()) {
            if (!(b.getBaseClass() instanceof ICPPClassType bc) || named.contains(bc) || !ClassModel.constructsByDefault(bc)) continue;
            Expr base = lowering.convert(object, lowering.pointer(lowering.lowerType(bc)));
            ICPPConstructor k = ClassModel.defaultConstructor(bc);
            if (k != null) callConstructor(base, k, none, where);
            else constructParts(base, bc, java.util.Set.of(), where);
        }
        for (IField f : c.getDeclaredFields()) {
            if (f.isStatic() || named.contains(f) || ClassModel.hasDefaultInitializer(f)) continue;
            ICPPClassType fc = classOf(f.getType());
            Type.Field at = fc == null ? null : st.field(f.getName());
            if (at == null || !ClassModel.constructsByDefault(fc)) continue;
            Lvalue member = new Lvalue.Deref(object, at.offset(), at.type(), where);
            construct(new Expr.AddressOf(member, lowering.pointer(at.type())), fc, ClassModel.defaultConstructor(fc), none, where);
        }
    }

    /** The constructor a non-array {@code new} of a class runs on the storage it got (when that is not null). */
    void constructNew(ICPPASTNewExpression n, Expr object, SourceLoc where) {
        ICPPClassType cls = n.isArrayAllocation() ? null : classOf(CPPVisitor.createType(n.getTypeId()));
        if (cls == null) return;
        IASTInitializer init = n.getInitializer();
        IASTInitializerClause[] args = initializerArguments(init);
        lowering.statements().ifNotNull(object, () -> construct(object, cls, implicitlyCalled(n, false), args, where), where);
    }

    /** The arguments an initialiser gives a constructor: {@code (args)}, {@code {args}}, or none. */
    static IASTInitializerClause[] initializerArguments(IASTInitializer init) {
        return init instanceof ICPPASTConstructorInitializer ci ? ci.getArguments()
                : init instanceof IASTInitializerList il ? il.getClauses() : new IASTInitializerClause[0];
    }

    /** A call of the constructor the program declares on the object at {@code object}, with the arguments given. */
    private void callConstructor(Expr object, ICPPMethod constructor, IASTInitializerClause[] args, SourceLoc where) {
        List<Expr> actuals = new ArrayList<>();
        actuals.add(object);
        actuals.addAll(lowering.arguments(constructor.getType(), args));
        lowering.emit(new Stmt.Call(null, LinkNames.of(constructor), null, actuals, where));
    }

    /** {@code C(args)}: a temporary object of class {@code cls}, constructed. */
    Lvalue temporary(IASTFunctionCallExpression c, ICPPClassType cls, SourceLoc where) {
        Variable t = lowering.temp(lowering.lowerType(cls));
        lowering.emit(new Stmt.Declare(t, where));
        construct(new Expr.AddressOf(new Lvalue.Var(t, where), lowering.pointer(t.type)), cls, implicitlyCalled(c, false), c.getArguments(), where);
        return new Lvalue.Var(t, where);
    }

    /** A temporary object of class {@code cls} constructed from {@code args} (the constructor is not picked). */
    Lvalue temporary(ICPPClassType cls, IASTInitializerClause[] args, SourceLoc where) {
        Variable t = lowering.temp(lowering.lowerType(cls));
        lowering.emit(new Stmt.Declare(t, where));
        construct(new Expr.AddressOf(new Lvalue.Var(t, where), lowering.pointer(t.type)), cls, null, args, where);
        return new Lvalue.Var(t, where);
    }

    /** The class a type names (through typedefs and qualifiers), or null. */
    static ICPPClassType classOf(IType t) {
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof ICPPClassType c) return c;
            if (t instanceof ITypedef td) t = td.getType();
            else if (t instanceof IQualifierType q) t = q.getType();
            else return null;
        }
        return null;
    }

    /**
     * The constructor the program declares that {@code C x = y} runs for a {@code y} of another type than
     * class {@code c} (a converting constructor); null when y is a C already (a copy) or the constructor
     * is one the compiler makes.
     */
    static ICPPMethod converting(IASTNode declarator, ICPPClassType c, org.eclipse.cdt.core.dom.ast.IASTExpression y) {
        ICPPMethod m = implicitlyCalled(declarator, false);
        if (m == null || m.isImplicit()) return null;
        ICPPClassType from = classOf(y.getExpressionType());
        return from != null && from.isSameType(c) ? null : m;
    }

    /** The constructor or destructor a node calls implicitly (a declarator, new, delete, a temporary). */
    static ICPPMethod implicitlyCalled(IASTNode n, boolean destructor) {
        if (!(n instanceof IASTImplicitNameOwner o)) return null;
        for (IASTImplicitName name : o.getImplicitNames()) {
            IBinding b = name.resolveBinding();
            if (b instanceof ICPPMethod m && (destructor ? m.isDestructor() : m instanceof ICPPConstructor)) return m;
        }
        return null;
    }

    /**
     * Constructs an object of class {@code c} at {@code object}: the vtable pointer first, then the
     * declared constructor, if any, with the arguments.
     */
    void construct(Expr object, ICPPClassType c, ICPPMethod constructor, IASTInitializerClause[] args, SourceLoc where) {
        if (SmartPointerLowering.isSmart(c)) {
            lowering.smart().construct(object, c, args, where);
            return;
        }
        if (StringLowering.isString(c) || ViewLowering.isView(c)) {
            Lvalue target = object instanceof Expr.AddressOf a ? a.lv() : new Lvalue.Deref(object, 0, Type.pointee(object.type()), where);
            if (StringLowering.isString(c)) lowering.strings().construct(target, args, where);
            else lowering.views().construct(target, args, where);
            return;
        }
        if (ContainerLowering.isContainer(c, false)) {
            Lvalue target = object instanceof Expr.AddressOf a ? a.lv() : new Lvalue.Deref(object, 0, Type.pointee(object.type()), where);
            if (args.length == 1 && args[0] instanceof org.eclipse.cdt.core.dom.ast.IASTExpression e
                    && ContainerLowering.isContainer(e.getExpressionType(), false)) {
                // a copy or a move of another container
                lowering.containers().copyInto(target, e, where);
                return;
            }
            // the prelude's containers start empty: their element cell holds no value the analysis knows
            for (IASTInitializerClause a : args) if (a instanceof org.eclipse.cdt.core.dom.ast.IASTExpression e) lowering.effect(e);
            lowering.containers().constructEmpty(target, where, this);
            return;
        }
        if (ClassModel.constructsMembers(c)) {
            // its constructors (or its members' constructors and default initialisers) set it up: written,
            // with values the analysis does not know until the constructor it calls says more
            writeUnknown(new Lvalue.Deref(object, 0, Type.pointee(object.type()), where), "constructed object", where);
        }
        storeVtable(object, c, where);
        if (constructor == null && args.length > 0 && ClassModel.hasUserConstructor(c)) {
            // a constructor CDT cannot pick (an argument of a type from a missing header): unknown
            constructUnresolved(object, args, where);
        } else if (constructor != null && !constructor.isImplicit()) {
            callConstructor(object, constructor, args, where);
        } else if (args.length == 1 && args[0] instanceof org.eclipse.cdt.core.dom.ast.IASTExpression e
                && classOf(e.getExpressionType()) != null) {
            compilerCopy(object, c, e, where);
        } else if (args.length == 0 && !ClassModel.hasUserConstructor(c)) {
            // the default constructor the compiler makes: the bases and members, by default
            constructParts(object, c, java.util.Set.of(), where);
        }
    }

    /**
     * Constructs an object whose class the scan cannot resolve (its header is missing) or whose
     * constructor CDT cannot pick: a call to an unknown function with the object and the arguments,
     * so the object is written with unknown values and what the arguments point to escapes into it.
     */
    void constructUnresolved(Expr object, IASTInitializerClause[] args, SourceLoc where) {
        List<Expr> actuals = new ArrayList<>();
        actuals.add(object);
        for (IASTInitializerClause a : args) {
            actuals.add(a instanceof org.eclipse.cdt.core.dom.ast.IASTExpression e ? lowering.rvalue(e)
                    : new Expr.Opaque("nested initializer", Type.UNKNOWN));
        }
        lowering.emit(new Stmt.Call(null, null, new Expr.Opaque("constructor of an unresolved type", new Type.Pointer(Type.VOID)), actuals, where));
    }

    /**
     * Writes an object with values the analysis does not know: one opaque value when its size is
     * known, else (a type from a missing header inside it, an array of such) an unknown call given its
     * address, which writes all of it whatever its size.
     */
    void writeUnknown(Lvalue target, String what, SourceLoc where) {
        Type t = target.type();
        if (t.size() >= 0 && !(t instanceof Type.Array)) {
            lowering.emit(new Stmt.Assign(target, new Expr.Opaque(what, t), where));
        } else {
            constructUnresolved(new Expr.AddressOf(target, new Type.Pointer(t)), new IASTInitializerClause[0], where);
        }
    }

    /** Calls the destructor of the object at {@code object}, through its vtable when the destructor is virtual. */
    void destroy(Expr object, ICPPClassType c, SourceLoc where, boolean dynamicType) {
        if (SmartPointerLowering.isSmart(c)) {
            lowering.smart().destroy(object, c, where);
            return;
        }
        if (StringLowering.isString(c) || ViewLowering.isView(c)) return;
        if (ContainerLowering.isContainer(c, false)) return;
        ICPPMethod d = ClassModel.userDestructor(c);
        if (d == null) {
            // the destructor the compiler makes destroys the members and bases, and nothing else
            destroyParts(object, c, where);
            return;
        }
        List<Expr> actuals = List.of(object);
        // destructors do not throw (C++11 makes them noexcept): no exception edge after the call
        Stmt.Call call = dynamicType && ClassModel.isVirtualCall(d)
                ? new Stmt.Call(null, null, virtualTarget(object, c, d, where), actuals, where)
                : new Stmt.Call(null, LinkNames.of(d), null, actuals, where);
        lowering.statements().withoutExceptionEdges(() -> lowering.emit(call));
    }

    /** The function pointer a virtual call through an object of static class {@code c} loads from its vtable. */
    Expr virtualTarget(Expr object, ICPPClassType c, ICPPMethod m, SourceLoc where) {
        int slot = ClassModel.slot(c, m);
        Type fp = lowering.pointer(Type.VOID);
        Expr table = new Expr.Load(new Lvalue.Deref(object, 0, lowering.pointer(fp), where), lowering.pointer(fp));
        return new Expr.Load(new Lvalue.Deref(table, (long) lowering.model().pointerSize * slot, fp, where), fp);
    }

    /**
     * The vtable of a class: a constant global array of the final overriders, one per slot, shared
     * by all units (a slot whose function is pure holds null).
     */
    private Variable vtable(ICPPClassType c, SourceLoc where) {
        List<String> slots = ClassModel.slots(c);
        Type fp = lowering.pointer(Type.VOID);
        String name = "vtable for " + ClassModel.qualifiedName(c);
        Variable table;
        boolean created = false;
        synchronized (lowering.globals()) {
            table = lowering.globals().byName.get(name);
            if (table == null) {
                table = new Variable(name, new Type.Array(fp, slots.size()), Variable.Kind.GLOBAL, where, lowering.globals().nextId());
                table.isConst = true;
                table.defined = true;
                lowering.globals().byName.put(name, table);
                created = true;
            }
        }
        lowering.declared.putIfAbsent(name, new Lowering.GlobalDeclaration(name, name, table.type, true, where));
        lowering.defines.add(name);
        lowering.linkKeys.put(table, name);
        if (created || !lowering.program().globalInits.containsKey(table)) {
            List<Expr> entries = new ArrayList<>();
            for (String sig : slots) {
                ICPPMethod m = ClassModel.finalOverrider(c, sig);
                if (m == null) {
                    entries.add(new Expr.IntConst(0, fp));
                } else {
                    IFunctionType ft = m.getType();
                    entries.add(new Expr.FunctionRef(LinkNames.of(m), lowering.pointer(lowering.lowerType(ft))));
                }
            }
            if (!lowering.program().globals.contains(table)) lowering.program().globals.add(table);
            lowering.program().globalInits.put(table, List.of(new Stmt.InitAggregate(new Lvalue.Var(table, where), null, entries, where)));
        }
        return table;
    }
}
