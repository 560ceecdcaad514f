package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Mitigation(id = "pe.shared_sections", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "Shared", title = "No shared writable sections",
        rationale = "A writable section marked SHARED is one copy for every process that loads the image; a "
                + "low-privilege process can then corrupt data a privileged one trusts.",
        gcc = "avoid __attribute__((section(\".shared\"), shared))", clang = "same as gcc",
        msvc = "do not use /SECTION:name,RWS or #pragma section(shared)", binskim = "BA2019",
        value = "true: a writable section is shared (bad)")
public final class PeSharedWritableSections implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        List<String> offenders = new ArrayList<>();
        for (PeImage.Section s : pe.sections()) if (s.writable() && s.shared()) offenders.add(s.name());
        return new Verdict(!offenders.isEmpty(), offenders.isEmpty(), null, Map.of("sections", offenders));
    }
}
