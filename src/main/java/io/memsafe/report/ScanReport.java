package io.memsafe.report;

import io.memsafe.analysis.engine.Finding;
import io.memsafe.ir.Diagnostic;

import java.util.List;

/** Everything one scan produced, ready to be written in any format. */
public record ScanReport(List<Finding> findings, List<Diagnostic> diagnostics, int files, int functions, long millis) { }
