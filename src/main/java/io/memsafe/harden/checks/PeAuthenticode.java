package io.memsafe.harden.checks;

import io.memsafe.harden.pe.AuthenticodeDigest;
import io.memsafe.harden.pe.PeImage;

import java.util.LinkedHashMap;
import java.util.Map;

@Mitigation(id = "pe.authenticode", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "Signed", title = "Authenticode signature present and matching the image",
        rationale = "A signature lets Windows (SmartScreen, WDAC, driver signing enforcement) check who built the "
                + "binary and that it was not modified. This check sees that a PKCS#7 WIN_CERTIFICATE is present and "
                + "recomputes the Authenticode image hash against the signed SpcIndirectDataContent digest: a "
                + "signature whose digest does not match the file is no signature (Windows rejects it), so the "
                + "verdict is false and pe.authenticode_tampered reports it. It does not verify the PKCS#7 "
                + "signature or the certificate chain (that needs trust roots).",
        gcc = "osslsigncode sign after linking", clang = "osslsigncode / signtool", msvc = "signtool sign /fd SHA256",
        binskim = "BA2022", value = "true: a PKCS#7 certificate table is present and its image digest matches the file "
                + "(details: certificate_table, digest_algorithm, digest_matches)")
public final class PeAuthenticode implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        boolean present = pe.hasCertificate() && pe.certificateWellFormed();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("certificate_table", pe.hasCertificate());
        AuthenticodeDigest.Result digest = pe.authenticode();
        if (digest == null) return new Verdict(present, present, null, details);
        details.put("digest_algorithm", digest.algorithm());
        details.put("digest_matches", digest.matches());
        // A signature whose digest does not match means the file was changed after signing: not signed.
        boolean ok = present && !Boolean.FALSE.equals(digest.matches());
        String reason = digest.problem() != null ? digest.problem()
                : ok ? null : "image modified after signing: the signed digest does not match the file";
        return new Verdict(ok, ok, reason, details);
    }
}
