package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.Map;

@Mitigation(id = "pe.image_base_above_4gb", platforms = {"PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "Base>4G", title = "64-bit image based above 4 GB",
        rationale = "A 64-bit image whose preferred base is below 4 GB keeps ASLR on the low 32 bits when the "
                + "loader cannot relocate it, and code that truncates pointers to 32 bits keeps working by "
                + "accident; a base above 0xFFFFFFFF makes high-entropy ASLR effective and turns such "
                + "truncation bugs into crashes (BinSkim BA2001 LoadImageAboveFourGigabyteAddress). Null for PE32.",
        gcc = "-Wl,--image-base,0x140000000 (MinGW's default for x64 EXEs since binutils 2.36)",
        clang = "-Wl,--image-base,0x140000000 (lld-link /BASE)", msvc = "/BASE above 0x100000000 (x64 default: 0x140000000)",
        binskim = "BA2001", value = "true: ImageBase > 0xFFFFFFFF on a PE32+ image; null: PE32")
public final class PeImageBaseAbove4Gb implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        if (!pe.isPe32Plus()) return Verdict.notApplicable("PE32 image: 32-bit address space");
        // ImageBase is an unsigned 64-bit field; compareUnsigned keeps bases at or above 2^63 above 4 GB too.
        boolean above = Long.compareUnsigned(pe.imageBase(), 0xFFFFFFFFL) > 0;
        return new Verdict(above, above, null, Map.of("image_base", String.format("0x%x", pe.imageBase())));
    }
}
