package io.memsafe.harden.checks;

import io.memsafe.harden.binary.ByteView;
import io.memsafe.harden.elf.ElfImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Mitigation(id = "elf.stack_clash", platforms = {"ELF x86", "ELF x86-64"}, kinds = {"executable", "shared-library"},
        column = "Clash", title = "Stack clash protection",
        rationale = "Stack clash protection probes every page when a frame grows by more than a page, so a "
                + "large allocation cannot jump over the guard page into the heap or another stack. Only "
                + "functions with large or dynamic frames carry probes, so the check can only see presence: it "
                + "looks (x86/x86-64) for a page-sized stack decrement followed by a probe store "
                + "(gcc: or [rsp],0; clang: mov [rsp],0). Nothing seen is 'unknown' (null), not 'absent'.",
        gcc = "-fstack-clash-protection", clang = "-fstack-clash-protection (clang 11+)", msvc = "n/a (stack probes are default: __chkstk)",
        binskim = "BA3005", value = "true: probe sequence found; null: not seen or not x86")
public final class ElfStackClashProtection implements ElfCheck {
    private static final byte[] SUB_ESP_PAGE = {(byte) 0x81, (byte) 0xec, 0x00, 0x10, 0x00, 0x00};
    private static final byte[] OR_STACK_ZERO = {(byte) 0x83, 0x0c, 0x24, 0x00};          // or [rsp],0  (48 prefix on x86-64)
    private static final byte[] MOV_STACK_ZERO = {(byte) 0xc7, 0x04, 0x24, 0x00, 0x00, 0x00, 0x00}; // mov [rsp],0
    private static final int WINDOW = 24;

    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        if (!elf.isX86()) return Verdict.notApplicable("probe detection is implemented for x86 and x86-64 only");
        ByteView data = elf.data();
        for (long[] range : codeRanges(elf)) {
            long at = range[0], end = range[0] + range[1];
            while (at < end) {
                long hit = data.indexOf(SUB_ESP_PAGE, at, end);
                if (hit < 0) break;
                long windowEnd = Math.min(end, hit + SUB_ESP_PAGE.length + WINDOW);
                if (data.indexOf(OR_STACK_ZERO, hit + SUB_ESP_PAGE.length, windowEnd) >= 0
                        || data.indexOf(MOV_STACK_ZERO, hit + SUB_ESP_PAGE.length, windowEnd) >= 0) {
                    return new Verdict(true, true, null, Map.of("probe_offset", hit));
                }
                at = hit + 1;
            }
        }
        return Verdict.notApplicable("no stack probe sequence seen (only frames over a page need probes)");
    }

    /** Executable byte ranges, merged so that overlapping sections (hostile or not) are scanned once. */
    private static List<long[]> codeRanges(ElfImage elf) {
        List<long[]> raw = rawCodeRanges(elf);
        raw.sort(java.util.Comparator.comparingLong(r -> r[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : raw) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[0] + last[1]) {
                last[1] = Math.max(last[1], r[0] + r[1] - last[0]);
            } else {
                merged.add(new long[] {r[0], r[1]});
            }
        }
        return merged;
    }

    private static List<long[]> rawCodeRanges(ElfImage elf) {
        List<long[]> ranges = new ArrayList<>();
        for (ElfImage.Section s : elf.sections()) {
            if ((s.flags() & ElfImage.SHF_EXECINSTR) != 0 && s.occupiesFile() && elf.data().contains(s.offset(), s.size())) {
                ranges.add(new long[] {s.offset(), s.size()});
            }
        }
        if (ranges.isEmpty()) {
            for (ElfImage.ProgramHeader ph : elf.programHeaders()) {
                if (ph.type() == ElfImage.PT_LOAD && ph.executable() && elf.data().contains(ph.offset(), ph.fileSize())) {
                    ranges.add(new long[] {ph.offset(), ph.fileSize()});
                }
            }
        }
        return ranges;
    }
}
