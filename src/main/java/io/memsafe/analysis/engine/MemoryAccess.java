package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;

/**
 * An access to memory through a pointer: {@code length} bytes at {@code pointer}, by a load or
 * store ({@code operation} null) or by a library function (its name).
 *
 * @param detail what the index or length was and where it came from, for the message
 */
public record MemoryAccess(SourceLoc loc, Value pointer, Value length, boolean write, String operation, String detail) { }
