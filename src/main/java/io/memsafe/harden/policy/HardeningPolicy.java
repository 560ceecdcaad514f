package io.memsafe.harden.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.memsafe.harden.checks.Check;
import io.memsafe.harden.checks.CheckCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which checks must be satisfied, per format ({@code elf}, {@code pe}) and kind of binary. A required check
 * that does not apply to a file (null verdict) is never "missing": PIE is required of executables, and a
 * shared library's PIE verdict is null, so one list per kind stays short and honest.
 *
 * <p>File format (YAML or JSON, YAML being a superset):
 * <pre>
 * required:
 *   elf:
 *     executable: [elf.pie, elf.nx, ...]
 *     shared-library: [...]
 *   pe:
 *     exe: [pe.dynamicbase, ...]
 *   kernel:
 *     x86_64: [kernel.stackprotector_strong, ...]
 * </pre>
 * A format or kind the file leaves out keeps the default list. The defaults follow Debian's
 * {@code hardening=+all} (PIE, stack protector, FORTIFY, RELRO, BIND_NOW, plus NX) and Microsoft's SDL
 * linker requirements (/DYNAMICBASE, /HIGHENTROPYVA, /NXCOMPAT, /SAFESEH, /GS, /guard:cf).
 */
public final class HardeningPolicy {
    public static final Set<String> ELF_KINDS = Set.of("executable", "shared-library", "kernel-module", "relocatable", "core");
    public static final Set<String> PE_KINDS = Set.of("exe", "dll", "driver");
    /** For {@code kernel} (the {@code --kernel-config} audit) the kinds are architectures. */
    public static final Set<String> KERNEL_KINDS = Set.copyOf(io.memsafe.harden.kernel.KernelConfig.ARCHITECTURES.values());

    private final Map<String, Map<String, List<String>>> required;

    private HardeningPolicy(Map<String, Map<String, List<String>>> required) {
        this.required = required;
    }

    public static HardeningPolicy defaults() {
        try (InputStream in = HardeningPolicy.class.getResourceAsStream("default-policy.yaml")) {
            if (in == null) throw new IllegalStateException("default-policy.yaml missing from the jar");
            return fromMap(read(in.readAllBytes()), null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in policy", e);
        }
    }

    /** Reads a policy file over the defaults; throws {@link PolicyException} with a user-facing message. */
    public static HardeningPolicy load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyException("cannot read policy " + file + ": " + e.getMessage());
        }
        return fromMap(read(bytes), defaults());
    }

    private static Map<String, Object> read(byte[] bytes) {
        try {
            Map<String, Object> map = new ObjectMapper(new YAMLFactory()).readValue(bytes, new TypeReference<>() {});
            return map == null ? Map.of() : map;
        } catch (JsonProcessingException e) {
            throw new PolicyException("policy is not valid YAML/JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyException("cannot parse policy: " + e.getMessage());
        }
    }

    private static HardeningPolicy fromMap(Map<String, Object> root, HardeningPolicy base) {
        Set<String> known = CheckCatalog.all().stream().map(Check::id).collect(Collectors.toCollection(java.util.HashSet::new));
        io.memsafe.harden.kernel.KernelCheckCatalog.all().forEach(k -> known.add(k.id()));
        Map<String, Map<String, List<String>>> result = new LinkedHashMap<>();
        if (base != null) base.required.forEach((f, kinds) -> result.put(f, new LinkedHashMap<>(kinds)));
        for (String key : root.keySet()) {
            if (!key.equals("required")) throw new PolicyException("unknown policy key '" + key + "' (expected 'required')");
        }
        Object req = root.get("required");
        if (req == null) return new HardeningPolicy(result);
        if (!(req instanceof Map<?, ?> formats)) throw new PolicyException("'required' must map formats (elf, pe, kernel) to kinds");
        for (Map.Entry<?, ?> f : formats.entrySet()) {
            String format = String.valueOf(f.getKey());
            Set<String> kinds = switch (format) {
                case "elf" -> ELF_KINDS;
                case "pe" -> PE_KINDS;
                case "kernel" -> KERNEL_KINDS;
                default -> throw new PolicyException("unknown format '" + format + "' in policy (expected elf, pe or kernel)");
            };
            if (!(f.getValue() instanceof Map<?, ?> byKind)) throw new PolicyException("required." + format + " must map kinds to check lists");
            for (Map.Entry<?, ?> k : byKind.entrySet()) {
                String kind = String.valueOf(k.getKey());
                if (!kinds.contains(kind)) {
                    throw new PolicyException("unknown kind '" + kind + "' for " + format + " (expected one of " + new TreeSet<>(kinds) + ")");
                }
                List<String> ids = k.getValue() == null ? List.of() : asList(k.getValue(), format + "." + kind);
                for (String id : ids) {
                    if (!known.contains(id)) throw new PolicyException("unknown check id '" + id + "' in required." + format + "." + kind);
                    if (!id.startsWith(format + ".")) throw new PolicyException("check '" + id + "' is not a " + format + " check");
                }
                result.computeIfAbsent(format, x -> new LinkedHashMap<>()).put(kind, List.copyOf(ids));
            }
        }
        return new HardeningPolicy(result);
    }

    private static List<String> asList(Object value, String where) {
        if (!(value instanceof List<?> list)) throw new PolicyException("required." + where + " must be a list of check ids");
        return list.stream().map(String::valueOf).toList();
    }

    public List<String> required(String format, String kind) {
        return required.getOrDefault(format, Map.of()).getOrDefault(kind, List.of());
    }

    public static final class PolicyException extends RuntimeException {
        public PolicyException(String message) {
            super(message, null, false, false);
        }
    }
}
