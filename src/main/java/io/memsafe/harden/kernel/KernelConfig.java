package io.memsafe.harden.kernel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A Linux kernel configuration: {@code .config} as Kconfig writes it, or the gzip-compressed copy the
 * kernel exposes as {@code /proc/config.gz} (CONFIG_IKCONFIG_PROC). Options are kept with their raw value
 * ({@code y}, {@code m}, a number, a quoted string); {@code # CONFIG_X is not set} becomes the value
 * {@code "is not set"}, which is how Kconfig itself distinguishes "disabled" from "not offered at all".
 *
 * <p>The reader is lenient where Kconfig output is not: a line it does not understand or an option given
 * twice becomes a warning (the later value wins, as in Kconfig's own merge), never an exception.
 */
public final class KernelConfig {
    /** Architectures by the Kconfig symbol that selects them; the same set kernel-hardening-checker knows. */
    public static final Map<String, String> ARCHITECTURES = Map.of(
            "X86_64", "x86_64", "X86_32", "x86_32", "ARM64", "arm64", "ARM", "arm", "RISCV", "riscv");
    public static final String NOT_SET = "is not set";
    /** Refuses configurations larger than this; real ones are well under 1 MiB. */
    private static final long MAX_BYTES = 64L << 20;

    private static final Pattern OPTION = Pattern.compile("CONFIG_([A-Za-z0-9_]+)=(.*)");
    private static final Pattern DISABLED = Pattern.compile("# CONFIG_([A-Za-z0-9_]+) is not set");
    private static final Pattern HEADER = Pattern.compile("# Linux/\\S+ (\\d+)\\.(\\d+)(?:\\.(\\d+))?\\S* Kernel Configuration");

    private final Map<String, String> options;
    private final List<String> architectures;
    private final int[] version;
    private final List<String> warnings;

    private KernelConfig(Map<String, String> options, List<String> architectures, int[] version, List<String> warnings) {
        this.options = options;
        this.architectures = architectures;
        this.version = version;
        this.warnings = warnings;
    }

    /** Thrown for a file that cannot be a kernel configuration; the message is for the user. */
    public static final class UnreadableConfigException extends Exception {
        public UnreadableConfigException(String message) {
            super(message, null, false, false);
        }
    }

    public static KernelConfig read(Path file) throws UnreadableConfigException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw new UnreadableConfigException("larger than 64 MiB: not a kernel configuration");
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UnreadableConfigException("no such file");
        } catch (IOException e) {
            throw new UnreadableConfigException("cannot read: " + e.getMessage());
        }
        return parse(bytes);
    }

    public static KernelConfig parse(byte[] bytes) throws UnreadableConfigException {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) throw new UnreadableConfigException("decompresses to more than 64 MiB");
            } catch (IOException e) {
                throw new UnreadableConfigException("damaged gzip data: " + e.getMessage());
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, String> options = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int[] version = null;
        int lineNumber = 0;
        for (String raw : text.split("\r?\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty()) continue;
            Matcher m;
            String name = null, value = null;
            if ((m = OPTION.matcher(line)).matches()) {
                name = m.group(1);
                value = m.group(2);
            } else if ((m = DISABLED.matcher(line)).matches()) {
                name = m.group(1);
                value = NOT_SET;
            } else if (version == null && (m = HEADER.matcher(line)).matches()) {
                version = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
            } else if (!line.startsWith("#") && warnings.size() < 20) {
                warnings.add("line " + lineNumber + ": not a Kconfig option: " + abbreviate(line));
            }
            if (name != null && options.put(name, value) != null && warnings.size() < 20) {
                warnings.add("line " + lineNumber + ": CONFIG_" + name + " given more than once; the last value counts");
            }
        }
        if (options.isEmpty()) throw new UnreadableConfigException("no CONFIG_ options: not a kernel configuration");
        List<String> architectures = new ArrayList<>();
        for (String symbol : List.of("X86_64", "X86_32", "ARM64", "ARM", "RISCV")) {
            if ("y".equals(options.get(symbol))) architectures.add(ARCHITECTURES.get(symbol));
        }
        return new KernelConfig(Collections.unmodifiableMap(options), List.copyOf(architectures), version, List.copyOf(warnings));
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    /** The raw value of {@code CONFIG_<name>}, {@link #NOT_SET}, or null when the option does not appear. */
    public String value(String name) {
        return options.get(name);
    }

    /** Architectures whose symbol is {@code =y}; exactly one in a real configuration. */
    public List<String> architectures() { return architectures; }

    /** Kernel version from the "# Linux/ARCH X.Y.Z Kernel Configuration" header; null when absent. */
    public int[] version() { return version == null ? null : version.clone(); }

    public String versionText() {
        return version == null ? null : version[0] + "." + version[1] + "." + version[2];
    }

    public int optionCount() { return options.size(); }

    public List<String> warnings() { return warnings; }
}
