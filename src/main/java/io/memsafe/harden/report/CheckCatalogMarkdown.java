package io.memsafe.harden.report;

import io.memsafe.harden.checks.Check;
import io.memsafe.harden.checks.CheckCatalog;
import io.memsafe.harden.checks.Mitigation;
import io.memsafe.harden.kernel.KernelCheck;
import io.memsafe.harden.kernel.KernelCheckCatalog;

/**
 * The check reference (docs/harden.md, {@code memsafe harden --list-checks}) rendered from the
 * {@link Mitigation} annotations, so the documentation of ids cannot drift from the code.
 */
public final class CheckCatalogMarkdown {
    private CheckCatalogMarkdown() {}

    public static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("| id | title | checksec | BinSkim | JSON value |\n|---|---|---|---|---|\n");
        for (Check c : CheckCatalog.all()) {
            Mitigation m = c.mitigation();
            sb.append("| `").append(m.id()).append("` | ").append(m.title()).append(" | ")
                    .append(m.checksec().isEmpty() ? "–" : m.checksec()).append(" | ")
                    .append(m.binskim().isEmpty() ? "–" : m.binskim()).append(" | ")
                    .append(m.value().replace("|", "\\|")).append(" |\n");
        }
        for (Check c : CheckCatalog.all()) {
            Mitigation m = c.mitigation();
            sb.append("\n### `").append(m.id()).append("` — ").append(m.title()).append("\n\n")
                    .append(m.rationale()).append("\n\n")
                    .append("- applies to: ").append(String.join(", ", m.platforms())).append("; kinds: ")
                    .append(String.join(", ", m.kinds())).append("\n")
                    .append("- gcc: ").append(m.gcc()).append("\n")
                    .append("- clang: ").append(m.clang()).append("\n")
                    .append("- MSVC: ").append(m.msvc()).append("\n");
        }
        sb.append("\n### Kernel configuration checks (`--kernel-config`)\n\n")
                .append("From `kernel-checks.yaml`; the requirement shown is the one for most architectures ")
                .append("(a check may differ on one, e.g. `kernel.mmap_min_addr` on arm64 and arm).\n\n")
                .append("| id | title | source | architectures | requirement |\n|---|---|---|---|---|\n");
        for (KernelCheck k : KernelCheckCatalog.all()) {
            sb.append("| `").append(k.id()).append("` | ").append(k.title()).append(" | ").append(k.source()).append(" | ")
                    .append(String.join(", ", k.architectures())).append(" | `").append(k.requirement()).append("` |\n");
        }
        return sb.toString();
    }
}
