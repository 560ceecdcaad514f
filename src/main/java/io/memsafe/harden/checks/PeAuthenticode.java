package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.Map;

@Mitigation(id = "pe.authenticode", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "Signed", title = "Authenticode signature present",
        rationale = "A signature lets Windows (SmartScreen, WDAC, driver signing enforcement) check who built the "
                + "binary and that it was not modified. This check sees that a PKCS#7 WIN_CERTIFICATE is present; "
                + "it does not verify the digest or the trust chain.",
        gcc = "osslsigncode sign after linking", clang = "osslsigncode / signtool", msvc = "signtool sign /fd SHA256",
        binskim = "BA2022", value = "true: a PKCS#7 certificate table is present")
public final class PeAuthenticode implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        boolean present = pe.hasCertificate() && pe.certificateWellFormed();
        return new Verdict(present, present, null, Map.of("certificate_table", pe.hasCertificate()));
    }
}
