package io.memsafe.harden.checks;

import io.memsafe.harden.pe.AuthenticodeDigest;
import io.memsafe.harden.pe.PeImage;

import java.util.Map;

@Mitigation(id = "pe.authenticode_tampered", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "Tampered", title = "Authenticode signature present but tampered",
        rationale = "A certificate table whose signed image digest differs from the file's Authenticode hash "
                + "means the bytes were changed after signing (a patched or infected binary, or a signature "
                + "copied from another file). That is worse than an unsigned binary, because a reader who only "
                + "sees a certificate believes it is signed; so it is a finding of its own. Not applicable when "
                + "there is no well-formed signature or the digest cannot be recomputed (unknown algorithm).",
        gcc = "re-sign after the last modification", clang = "re-sign after the last modification",
        msvc = "re-sign after the last modification (signtool sign)",
        value = "true: a signature is present and its digest does not match the image (bad); null: no signature")
public final class PeAuthenticodeTampered implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        AuthenticodeDigest.Result digest = pe.authenticode();
        if (!pe.hasCertificate() || !pe.certificateWellFormed() || digest == null) {
            return Verdict.notApplicable("no well-formed Authenticode signature");
        }
        if (digest.matches() == null) return Verdict.notApplicable("digest not recomputed: " + digest.problem());
        boolean tampered = !digest.matches();
        return new Verdict(tampered, !tampered, tampered ? "the signed " + digest.algorithm()
                + " digest does not match the image: modified after signing" : null,
                Map.of("digest_algorithm", digest.algorithm()));
    }
}
