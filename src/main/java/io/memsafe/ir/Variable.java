package io.memsafe.ir;

/**
 * A named storage location: a global, a static or automatic local, a parameter, or a temporary
 * the lowering introduced. Identity is the object; {@code id} orders them deterministically.
 */
public final class Variable implements java.io.Serializable {
    public enum Kind { GLOBAL, LOCAL, STATIC_LOCAL, PARAM, TEMP }

    public final String name;
    public final Type type;
    public final Kind kind;
    public final SourceLoc declared;
    public final int id;
    /** Defined in this program (globals); an extern declaration without definition is false. */
    public boolean defined;
    /** const-qualified object (an extern const global without initializer is still unknown). */
    public boolean isConst;

    public Variable(String name, Type type, Kind kind, SourceLoc declared, int id) {
        this.name = name;
        this.type = type;
        this.kind = kind;
        this.declared = declared;
        this.id = id;
    }

    public boolean isGlobalStorage() { return kind == Kind.GLOBAL || kind == Kind.STATIC_LOCAL; }

    @Override
    public String toString() { return name; }
}
