package io.greenscribe.vad.energy;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.vad.VadOptions;
import io.greenscribe.vad.VoiceActivityDetector;
import io.greenscribe.vad.VoiceActivityDetectorContractTests;
import org.junit.jupiter.api.Test;

class EnergyVoiceActivityDetectorTests extends VoiceActivityDetectorContractTests {

    @Override
    protected VoiceActivityDetector createDetector(VadOptions options) {
        return new EnergyVoiceActivityDetector(options);
    }

    @Test
    void localMinimumLooksBothWays() {
        double[] values = {5, 4, 9, 9, 9, 9, 1, 7};

        double[] minimum = EnergyVoiceActivityDetector.localMinimum(values, 2);

        assertThat(minimum).containsExactly(4, 4, 4, 4, 1, 1, 1, 1);
    }
}
