package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

/** A check over a PE image. It decides applicability first and returns {@link Verdict#notApplicable} then. */
public interface PeCheck extends Check {
    Verdict evaluate(PeImage pe);
}
