package io.memsafe.analysis.engine;

import io.memsafe.ir.SourceLoc;

/** One step of the story a finding tells: an allocation, an input source, a call, the sink. */
public record TraceStep(SourceLoc loc, String message) { }
