package io.memsafe.census.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.census.UsageException;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the locations of results from SARIF files (memsafe scan, cppcheck, CodeQL, clang-tidy ...). */
public final class SarifFindings {

    private SarifFindings() {
    }

    /** One result: where (artifact URI normalised to a forward-slash path, start line or 0) and which rule. */
    public record Finding(String uri, int line, String ruleId) {
    }

    /** Every result's first location and rule. */
    public static List<Finding> read(Path sarif) throws IOException {
        if (!Files.isRegularFile(sarif)) {
            throw new UsageException(sarif + ": no such SARIF file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(sarif.toFile());
        } catch (IOException e) {
            throw new UsageException(sarif + ": not valid JSON/SARIF (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.path("runs").isArray()) {
            throw new UsageException(sarif + ": not a SARIF log (no \"runs\" array)");
        }
        List<Finding> uris = new ArrayList<>();
        for (JsonNode run : root.path("runs")) {
            for (JsonNode result : run.path("results")) {
                JsonNode physical = result.path("locations").path(0).path("physicalLocation");
                JsonNode loc = physical.path("artifactLocation");
                String uri = loc.path("uri").asText("");
                if (uri.isEmpty()) {
                    int index = loc.path("index").asInt(-1);
                    if (index >= 0) {
                        uri = run.path("artifacts").path(index).path("location").path("uri").asText("");
                    }
                }
                if (!uri.isEmpty()) {
                    uris.add(new Finding(normalise(uri), physical.path("region").path("startLine").asInt(0),
                            result.path("ruleId").asText("")));
                }
            }
        }
        return uris;
    }

    static String normalise(String uri) {
        String u = uri;
        if (u.startsWith("file://")) {
            u = u.substring("file://".length());
        }
        u = URLDecoder.decode(u.replace("+", "%2B"), StandardCharsets.UTF_8).replace('\\', '/');
        while (u.startsWith("./")) {
            u = u.substring(2);
        }
        return u;
    }
}
