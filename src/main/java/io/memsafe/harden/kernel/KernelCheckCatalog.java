package io.memsafe.harden.kernel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads {@code kernel-checks.yaml} once; a malformed table is a build defect, so it fails loudly. */
public final class KernelCheckCatalog {
    private static final Set<String> SOURCES = Set.of("defconfig", "kspp", "memsafe");
    private static final List<KernelCheck> CHECKS = load();

    private KernelCheckCatalog() {}

    public static List<KernelCheck> all() { return CHECKS; }

    private static List<KernelCheck> load() {
        List<Map<String, Object>> rows;
        try (InputStream in = KernelCheckCatalog.class.getResourceAsStream("kernel-checks.yaml")) {
            if (in == null) throw new IllegalStateException("kernel-checks.yaml missing from the jar");
            rows = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() {});
        } catch (IOException e) {
            throw new IllegalStateException("cannot read kernel-checks.yaml", e);
        }
        List<KernelCheck> checks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> row : rows) {
            String id = String.valueOf(row.get("id"));
            try {
                if (!id.matches("kernel\\.[a-z0-9_]+") || !ids.add(id)) throw new IllegalArgumentException("bad or duplicate id");
                String source = String.valueOf(row.get("source"));
                if (!SOURCES.contains(source)) throw new IllegalArgumentException("unknown source " + source);
                @SuppressWarnings("unchecked")
                List<String> arch = (List<String>) row.get("arch");
                if (arch == null || !KernelConfig.ARCHITECTURES.values().containsAll(arch)) throw new IllegalArgumentException("bad arch list");
                Map<String, Requirement> byArch = new LinkedHashMap<>();
                if (row.get("require_by_arch") instanceof Map<?, ?> m) {
                    m.forEach((a, r) -> byArch.put(String.valueOf(a), Requirement.parse(r)));
                }
                checks.add(new KernelCheck(id, String.valueOf(row.get("title")), source, List.copyOf(arch),
                        String.valueOf(row.get("rationale")).strip(), Requirement.parse(row.get("require")), Map.copyOf(byArch)));
            } catch (RuntimeException e) {
                throw new IllegalStateException("kernel-checks.yaml, " + id + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(checks);
    }
}
