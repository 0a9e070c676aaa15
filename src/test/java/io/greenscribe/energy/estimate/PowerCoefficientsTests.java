package io.greenscribe.energy.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped coefficients: CPU model names as /proc/cpuinfo gives them, and CCF's figures. */
class PowerCoefficientsTests {

    final PowerCoefficients c = PowerCoefficients.load();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz | Intel Cascade Lake | 0.64 | 3.97",
                "Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz        | Intel Skylake      | 0.65 | 4.26",
                "Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz       | Intel Broadwell    | 0.71 | 3.69",
                "Intel(R) Xeon(R) CPU E5-2666 v3 @ 2.90GHz       | Intel Haswell      | 1.0  | 4.74",
                "Intel(R) Xeon(R) CPU E5-2670 v2 @ 2.50GHz       | Intel Ivy Bridge   | 3.04 | 8.25",
                "Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz        | Intel Sandy Bridge | 2.17 | 8.58",
                "Intel(R) Xeon(R) E-2176G CPU @ 3.70GHz           | Intel Coffee Lake  | 1.14 | 5.42",
                "AMD EPYC 7571                                    | AMD EPYC 1st Gen   | 0.82 | 2.55",
                "AMD EPYC 7R32                                    | AWS average        | 0.74 | 3.5",
                "AMD EPYC 7742 64-Core Processor                  | AMD EPYC 2nd Gen   | 0.47 | 1.69",
                "AMD EPYC                                         | AWS average        | 0.74 | 3.5",
                "Intel Xeon Processor (Cascadelake)               | Intel Cascade Lake | 0.64 | 3.97",
                "AMD EPYC-Rome Processor                          | AMD EPYC 2nd Gen   | 0.47 | 1.69",
                "AMD EPYC 9654 96-Core Processor                  | AWS average        | 0.74 | 3.5",
            })
    void aCpuModelNameFindsItsMicroArchitecture(String model, String name, double min, double max) {
        PowerCoefficients.CpuPower p = c.cpu(model, null);
        assertThat(p.name()).isEqualTo(name);
        assertThat(p.minWatts()).isEqualTo(min);
        assertThat(p.maxWatts()).isEqualTo(max);
    }

    @Test
    void anUnknownCpuTakesTheChosenProvidersAverage() {
        assertThat(c.cpu(null, "gcp")).isEqualTo(new PowerCoefficients.CpuPower("GCP median", 0.71, 4.26, "CCF"));
        assertThat(c.cpu("Some CPU", "azure").maxWatts()).isEqualTo(3.76);
    }

    @Test
    void memoryPueAndEmbodiedAreCcfs() {
        assertThat(c.memoryWattsPerGb()).isEqualTo(0.392);
        assertThat(c.pue("on-premises")).isEqualTo(1.0);
        assertThat(c.pue("aws")).isEqualTo(1.135);
        assertThat(c.pue("GCP")).isEqualTo(1.1);
        assertThat(c.pue("azure")).isEqualTo(1.185);
        assertThat(c.serverEmbodiedKgCo2e()).isEqualTo(1000);
        assertThat(c.serverLifetimeYears()).isEqualTo(4);
    }
}
