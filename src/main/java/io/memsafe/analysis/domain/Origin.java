package io.memsafe.analysis.domain;

import io.memsafe.ir.SourceLoc;

/** Where a value came from, for the trace of a finding: an untrusted-input source or a constant. */
public record Origin(String what, SourceLoc loc) { }
