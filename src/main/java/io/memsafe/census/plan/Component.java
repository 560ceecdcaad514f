package io.memsafe.census.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * A porting candidate and the evidence behind its rank.
 *
 * @param name directory or CMake target
 * @param kind "directory" or "cmake-target"
 * @param unsafeCode memory-unsafe code lines
 * @param files memory-unsafe files
 * @param findings memory-safety findings located in its files
 * @param findingsPerKloc findings per 1000 memory-unsafe code lines
 * @param exposure call sites that take untrusted input, by call name
 * @param churn commits that changed its files within the churn window
 * @param score weighted sum of the normalised factors, 0..1
 * @param why the factors in order of their contribution to the score
 */
@JsonPropertyOrder({"rank", "name", "kind", "score", "unsafe_code", "files", "findings", "findings_per_kloc", "exposure", "churn", "why"})
public record Component(int rank, String name, String kind, double score,
                        @JsonProperty("unsafe_code") long unsafeCode, int files, int findings,
                        @JsonProperty("findings_per_kloc") double findingsPerKloc,
                        Map<String, Integer> exposure, int churn, List<String> why) {
}
