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
 * @param exposureWeight the exposure factor before normalisation: weighted call sites plus
 *     {@link PlanEngine#INPUT_FUNCTION_WEIGHT} per input function
 * @param churn commits that changed its files within the churn window
 * @param score weighted sum of the normalised factors, 0..1
 * @param why the factors in order of their contribution to the score
 * @param inputFunctions externally visible functions that take a buffer and its length or parse bytes
 *     ({@code file:name:line (why)}, see {@link InputFunctionScanner})
 * @param findingList the SARIF results located in its files ({@code rule file:line})
 */
@JsonPropertyOrder({"rank", "name", "kind", "score", "unsafe_code", "files", "findings", "findings_per_kloc", "exposure", "exposure_weight", "churn", "why",
        "input_functions", "finding_list"})
public record Component(int rank, String name, String kind, double score,
                        @JsonProperty("unsafe_code") long unsafeCode, int files, int findings,
                        @JsonProperty("findings_per_kloc") double findingsPerKloc,
                        Map<String, Integer> exposure, @JsonProperty("exposure_weight") int exposureWeight, int churn, List<String> why,
                        @JsonProperty("input_functions") List<String> inputFunctions,
                        @JsonProperty("finding_list") List<String> findingList) {
}
