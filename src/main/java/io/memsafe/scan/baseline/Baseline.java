package io.memsafe.scan.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.report.ReportedFinding;
import io.memsafe.report.SarifReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of an earlier scan (its SARIF), matched to this scan's by fingerprint: a result whose
 * fingerprint the baseline holds is {@code unchanged}, any other {@code new}, and a baseline result
 * matched by nothing is {@code absent} (SARIF {@code baselineState}). Results the baseline itself
 * marked absent were already gone and are not carried on.
 */
public final class Baseline {
    private final Map<String, JsonNode> byFingerprint;

    private Baseline(Map<String, JsonNode> byFingerprint) {
        this.byFingerprint = byFingerprint;
    }

    /** Reads a SARIF file; a file that is not SARIF, or has results without memsafe fingerprints, is an error. */
    public static Baseline read(Path sarif) throws IOException {
        JsonNode doc = new ObjectMapper().readTree(sarif.toFile());
        if (doc == null || !doc.path("runs").isArray()) throw new IOException("not a SARIF log (no runs)");
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode run : doc.path("runs")) {
            for (JsonNode res : run.path("results")) {
                if ("absent".equals(res.path("baselineState").asText())) continue;
                String fp = res.path("partialFingerprints").path(SarifReport.FINGERPRINT_KEY).asText("");
                if (fp.isEmpty()) throw new IOException("a result has no " + SarifReport.FINGERPRINT_KEY + " fingerprint (SARIF from another tool or an older memsafe?)");
                m.putIfAbsent(fp, res);
            }
        }
        return new Baseline(m);
    }


    /** Each finding marked new or unchanged. */
    public List<ReportedFinding> classify(List<ReportedFinding> current) {
        List<ReportedFinding> out = new ArrayList<>(current.size());
        for (ReportedFinding f : current) {
            out.add(f.withBaseline(byFingerprint.containsKey(f.fingerprint())
                    ? ReportedFinding.BaselineState.UNCHANGED : ReportedFinding.BaselineState.NEW));
        }
        return out;
    }

    /** The baseline's results no current finding matches, in the baseline's order. */
    public List<JsonNode> absent(List<ReportedFinding> current) {
        Set<String> now = new HashSet<>();
        for (ReportedFinding f : current) now.add(f.fingerprint());
        List<JsonNode> gone = new ArrayList<>();
        byFingerprint.forEach((fp, res) -> {
            if (!now.contains(fp)) gone.add(res);
        });
        return gone;
    }
}
