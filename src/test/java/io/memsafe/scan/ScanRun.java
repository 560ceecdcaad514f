package io.memsafe.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.cli.Main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code memsafe scan} in process and reads its SARIF back. */
record ScanRun(int exitStatus, JsonNode sarif) {
    static ScanRun sarif(Path out, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("scan", "--format", "sarif", "-o", out.toString()));
        a.addAll(List.of(args));
        int rc = Main.run(a.toArray(String[]::new));
        return new ScanRun(rc, new ObjectMapper().readTree(out.toFile()));
    }

    JsonNode run() {
        return sarif.at("/runs/0");
    }

    JsonNode results() {
        return run().get("results");
    }

    List<String> fingerprints() {
        List<String> fps = new ArrayList<>();
        for (JsonNode r : results()) fps.add(r.at("/partialFingerprints/memsafe~1v1").asText());
        return fps;
    }

    /** The baseline state of each result, in order. */
    List<String> states() {
        List<String> s = new ArrayList<>();
        for (JsonNode r : results()) s.add(r.path("baselineState").asText());
        return s;
    }

    JsonNode summary() {
        return run().at("/properties/summary");
    }
}
