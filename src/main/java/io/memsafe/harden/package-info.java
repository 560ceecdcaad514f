/**
 * {@code memsafe harden}: audits ELF and PE binaries for exploit mitigations.
 *
 * <p>Layers, each knowing only the one below it:
 * <ul>
 *   <li>{@link io.memsafe.harden.binary} — bounds-checked reads over a mapped file; every offset from the
 *       file is untrusted.</li>
 *   <li>{@link io.memsafe.harden.elf} and {@link io.memsafe.harden.pe} — small readers that decode only what
 *       the checks need (headers, dynamic section, symbols, notes; load configuration, imports, debug and
 *       certificate directories).</li>
 *   <li>{@link io.memsafe.harden.checks} — one class per mitigation (BinSkim's shape): metadata on its
 *       {@code @Mitigation} annotation, applicability first, then exactly one verdict; a check that cannot
 *       apply returns null rather than passing or failing.</li>
 *   <li>{@link io.memsafe.harden.policy} — which checks are required per format and kind.</li>
 *   <li>{@link io.memsafe.harden.report} — text, JSON and SARIF, all generated from the same reports and
 *       the same annotations.</li>
 * </ul>
 * {@link io.memsafe.harden.BinaryAnalyzer} ties one file through these layers and never throws;
 * {@link io.memsafe.harden.HardenScanner} walks inputs and runs files in parallel, sorted output.
 */
package io.memsafe.harden;
