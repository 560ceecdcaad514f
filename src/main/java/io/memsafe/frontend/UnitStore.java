package io.memsafe.frontend;

import io.memsafe.ir.Program;

import java.util.Map;

/**
 * Lowered units kept from an earlier scan. {@link Frontend} asks for a unit's stored lowering before
 * parsing it and hands over each unit it lowered. A unit's lowering is a function of its command (file,
 * flags, data model) and of the files its preprocessing looked up, so a store that keys it by those
 * returns only what parsing would give again.
 */
public interface UnitStore {
    /** The bytes stored for this unit ({@link LoweredUnit}) if its inputs are unchanged, or null. */
    byte[] find(CompileUnit unit);

    /**
     * A unit parsed now: {@code lookedUp} is every path its preprocessing asked for and whether it was
     * there; {@code lowered} the bytes to give back ({@link LoweredUnit}), null when there are none to
     * keep (the parse failed, or the code holds what cannot be stored); {@code part} its code.
     */
    void keep(CompileUnit unit, Map<String, Boolean> lookedUp, byte[] lowered, Program part);

    /** A unit whose stored lowering was read back into {@code part}. */
    void reused(CompileUnit unit, Program part);
}
