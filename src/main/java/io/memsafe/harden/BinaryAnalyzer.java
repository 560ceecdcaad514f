package io.memsafe.harden;

import io.memsafe.harden.BinaryReport.ErrorKind;
import io.memsafe.harden.binary.ByteView;
import io.memsafe.harden.binary.MalformedBinaryException;
import io.memsafe.harden.checks.CheckCatalog;
import io.memsafe.harden.checks.ElfCheck;
import io.memsafe.harden.checks.PeCheck;
import io.memsafe.harden.checks.Verdict;
import io.memsafe.harden.elf.ElfImage;
import io.memsafe.harden.pe.PeImage;
import io.memsafe.harden.policy.HardeningPolicy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one file into a {@link BinaryReport}: sniff the magic, parse, run every check of the format, apply
 * the policy. Never throws: every failure becomes a per-file error with a one-line message.
 */
public final class BinaryAnalyzer {
    private final HardeningPolicy policy;

    public BinaryAnalyzer(HardeningPolicy policy) {
        this.policy = policy;
    }

    /** Result of sniffing: null when the file is neither ELF nor PE (directory walks skip those silently). */
    public BinaryReport analyse(Path file, boolean explicit) {
        String path = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 64));
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) { /* fill */ }
            byte[] magic = new byte[head.position()];
            head.flip().get(magic);
            String format = ElfImage.hasMagic(magic) ? "elf" : PeImage.hasMagic(magic) ? "pe" : null;
            if (format == null) {
                return explicit ? BinaryReport.failed(path, null, ErrorKind.NOT_A_BINARY, "not an ELF or PE file") : null;
            }
            if (size > Integer.MAX_VALUE) {
                return BinaryReport.failed(path, format, ErrorKind.UNREADABLE, "file larger than 2 GiB is not supported");
            }
            ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            ByteView view = new ByteView(mapped, ByteOrder.LITTLE_ENDIAN);
            return format.equals("elf") ? analyseElf(path, view) : analysePe(path, view, explicit);
        } catch (NoSuchFileException e) {
            return BinaryReport.failed(path, null, ErrorKind.NOT_A_BINARY, "no such file");
        } catch (IOException e) {
            return BinaryReport.failed(path, null, ErrorKind.UNREADABLE, "cannot read: " + e.getMessage());
        } catch (InternalError e) {
            // A mapped file truncated by someone else while we read it faults inside the JVM (SIGBUS).
            return BinaryReport.failed(path, null, ErrorKind.UNREADABLE, "file changed while being read");
        }
    }

    /** Analyses bytes already in memory (tests, fuzzing). */
    public BinaryReport analyse(String path, byte[] bytes) {
        ByteView view = new ByteView(ByteBuffer.wrap(bytes), ByteOrder.LITTLE_ENDIAN);
        if (ElfImage.hasMagic(bytes)) return analyseElf(path, view);
        if (PeImage.hasMagic(bytes)) return analysePe(path, view, true);
        return BinaryReport.failed(path, null, ErrorKind.NOT_A_BINARY, "not an ELF or PE file");
    }

    private BinaryReport analyseElf(String path, ByteView view) {
        try {
            ElfImage elf = ElfImage.parse(view);
            String kind = elfKind(elf);
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            for (ElfCheck check : CheckCatalog.elf()) verdicts.put(check.id(), check.evaluate(elf));
            return finish(path, "elf", kind, elf.machineName(), elf.is64Bit() ? 64 : 32,
                    elf.isLittleEndian() ? "little" : "big", verdicts, elf.warnings());
        } catch (MalformedBinaryException e) {
            return BinaryReport.failed(path, "elf", ErrorKind.MALFORMED, "malformed ELF: " + e.getMessage());
        } catch (RuntimeException e) {
            return BinaryReport.failed(path, "elf", ErrorKind.INTERNAL, "internal error: " + e);
        }
    }

    private BinaryReport analysePe(String path, ByteView view, boolean explicit) {
        try {
            PeImage pe;
            try {
                pe = PeImage.parse(view);
            } catch (MalformedBinaryException e) {
                // "MZ" alone is weak evidence: in a directory walk, skip DOS stubs and random files silently.
                if (!hasPeSignature(view)) {
                    return explicit ? BinaryReport.failed(path, null, ErrorKind.NOT_A_BINARY,
                            "not an ELF or PE file (MZ header without a PE image)") : null;
                }
                throw e;
            }
            String kind = pe.isDriver() ? "driver" : pe.isDll() ? "dll" : "exe";
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            for (PeCheck check : CheckCatalog.pe()) verdicts.put(check.id(), check.evaluate(pe));
            return finish(path, "pe", kind, pe.machineName(), pe.isPe32Plus() ? 64 : 32, "little", verdicts, pe.warnings());
        } catch (MalformedBinaryException e) {
            return BinaryReport.failed(path, "pe", ErrorKind.MALFORMED, "malformed PE: " + e.getMessage());
        } catch (RuntimeException e) {
            return BinaryReport.failed(path, "pe", ErrorKind.INTERNAL, "internal error: " + e);
        }
    }

    private static boolean hasPeSignature(ByteView view) {
        if (!view.contains(0x3c, 4)) return false;
        long at = view.u32(0x3c, "e_lfanew");
        return view.contains(at, 4) && view.u32(at, "PE signature") == 0x4550;
    }

    static String elfKind(ElfImage elf) {
        return switch (elf.type()) {
            case ElfImage.ET_EXEC -> "executable";
            case ElfImage.ET_DYN -> elf.isPositionIndependentExecutable() ? "executable" : "shared-library";
            case ElfImage.ET_REL -> elf.isKernelModule() ? "kernel-module" : "relocatable";
            case ElfImage.ET_CORE -> "core";
            default -> "relocatable";
        };
    }

    private BinaryReport finish(String path, String format, String kind, String machine, int bits, String endian,
                                Map<String, Verdict> verdicts, List<String> warnings) {
        List<String> missing = new ArrayList<>();
        for (String id : policy.required(format, kind)) {
            Verdict v = verdicts.get(id);
            if (v != null && Boolean.FALSE.equals(v.satisfied())) missing.add(id);
        }
        return new BinaryReport(path, format, kind, machine, bits, endian, verdicts, List.copyOf(missing),
                List.copyOf(warnings), null, null);
    }
}
