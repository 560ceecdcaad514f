package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Mitigation(id = "pe.wx_sections", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "W^X", title = "No writable and executable sections",
        rationale = "A section mapped both writable and executable gives an attacker a place to write code and "
                + "run it, defeating DEP.",
        gcc = "avoid __attribute__((section)) tricks and -Wl,-N", clang = "same as gcc",
        msvc = "do not use /SECTION:name,RWE", binskim = "BA2021",
        value = "true: a section is writable and executable (bad)")
public final class PeWritableExecutableSections implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        List<String> offenders = new ArrayList<>();
        for (PeImage.Section s : pe.sections()) if (s.writable() && s.executable()) offenders.add(s.name());
        return new Verdict(!offenders.isEmpty(), offenders.isEmpty(), null, Map.of("sections", offenders));
    }
}
