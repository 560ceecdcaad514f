package io.memsafe.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.SourceLoc;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plain JSON document of findings and diagnostics, for scripts. */
public final class JsonReport {
    private JsonReport() { }

    public static void write(ScanReport r, Writer out) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<Object> fs = new ArrayList<>();
        for (ReportedFinding rf : r.results()) {
            Finding f = rf.finding();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule().id());
            m.put("name", f.rule().name());
            m.put("cwe", f.rule().cwe());
            m.put("level", rf.level());
            loc(m, f.loc());
            m.put("function", rf.function());
            m.put("fingerprint", rf.fingerprint());
            if (rf.baseline().sarif() != null) m.put("baselineState", rf.baseline().sarif());
            if (rf.suppressed()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("kind", rf.suppression().kind());
                s.put("justification", rf.suppression().justification());
                m.put("suppression", s);
            }
            m.put("message", f.message());
            List<Object> trace = new ArrayList<>();
            for (TraceStep t : f.trace()) {
                Map<String, Object> s = new LinkedHashMap<>();
                loc(s, t.loc());
                s.put("message", t.message());
                trace.add(s);
            }
            m.put("trace", trace);
            fs.add(m);
        }
        doc.put("findings", fs);
        List<Object> ds = new ArrayList<>();
        for (Diagnostic d : r.allDiagnostics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", d.level().name().toLowerCase());
            loc(m, d.loc());
            m.put("message", d.message());
            ds.add(m);
        }
        doc.put("diagnostics", ds);
        doc.put("summary", Summary.of(r).asMap());
        doc.put("files", r.files());
        doc.put("functions", r.functions());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, doc);
    }

    private static void loc(Map<String, Object> m, SourceLoc l) {
        m.put("file", Uris.display(l.file()));
        m.put("line", l.line());
        m.put("column", l.column());
    }
}
