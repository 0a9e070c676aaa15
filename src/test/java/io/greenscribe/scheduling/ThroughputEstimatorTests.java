package io.greenscribe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThroughputEstimatorTests {

    @Test
    void anUnknownDeviceGetsTheConservativeDefault() {
        ThroughputEstimator e = new ThroughputEstimator(1.0, 0.2);
        assertThat(e.estimateRunTime("cuda:0", Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void learnsTheSpeedOfFinishedJobs() {
        // given
        ThroughputEstimator e = new ThroughputEstimator(1.0, 0.2);

        // when a device keeps transcribing at 10× real time
        for (int i = 0; i < 20; i++) {
            e.record("cuda:0", Duration.ofMinutes(50), Duration.ofMinutes(5));
        }

        // then
        assertThat(e.speed("cuda:0")).isCloseTo(10, within(1e-9));
        assertThat(e.estimateRunTime("cuda:0", Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void aJitteryDeviceIsEstimatedBelowItsMeanSpeed() {
        ThroughputEstimator e = new ThroughputEstimator(1.0, 0.2);
        for (int i = 0; i < 20; i++) {
            e.record("cpu", Duration.ofMinutes(i % 2 == 0 ? 20 : 40), Duration.ofMinutes(10));
        }
        assertThat(e.speed("cpu")).isLessThan(2.0).isGreaterThan(0.7);
    }

    @Test
    void theDefaultCapsTheFirstFewObservations() {
        ThroughputEstimator e = new ThroughputEstimator(1.0, 0.2);
        e.record("cpu", Duration.ofMinutes(50), Duration.ofMinutes(5));
        assertThat(e.speed("cpu")).isEqualTo(1.0);
    }

    @Test
    void jobsShorterThanASecondTeachNothing() {
        ThroughputEstimator e = new ThroughputEstimator(1.0, 0.2);
        e.record("cpu", Duration.ofMinutes(1), Duration.ofMillis(10));
        assertThat(e.speed("cpu")).isEqualTo(1.0);
    }
}
