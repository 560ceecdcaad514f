package io.memsafe.models;

import java.util.List;

/**
 * The declarative model of one library function: what it reads, writes, allocates and frees, and
 * what it returns. {@code pure} means it touches no memory its pointer arguments reach beyond the
 * reads listed (so the analysis need not forget what those buffers hold).
 */
public record FunctionModel(String name, List<Effect> effects, Returns returns, boolean pure) { }
