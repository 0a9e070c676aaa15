package io.greenscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MelFilterBankTests {

    @Test
    void slaneyScaleIsLinearBelowOneKilohertzAndLogarithmicAbove() {
        assertThat(MelFilterBank.hzToMel(1000)).isCloseTo(15.0, within(1e-9));
        assertThat(MelFilterBank.hzToMel(500)).isCloseTo(7.5, within(1e-9));
        assertThat(MelFilterBank.melToHz(MelFilterBank.hzToMel(6400))).isCloseTo(6400, within(1e-6));
        assertThat(MelFilterBank.hzToMel(6400)).isCloseTo(42.0, within(1e-9));
    }

    @Test
    void filtersMatchLibrosaReferenceValues() {
        // reference: faster-whisper 1.2.1 FeatureExtractor(feature_size=80).mel_filters (librosa slaney)
        float[][] filters = MelFilterBank.create(16000, 400, 80);
        assertThat(filters).hasDimensions(80, 201);
        assertThat(filters[0][1]).isCloseTo(0.024862595f, within(1e-6f));
        assertThat(filters[1][2]).isCloseTo(0.022871772f, within(1e-6f));
        assertThat(filters[79][200]).isEqualTo(0f);
        for (float[] row : filters) {
            float sum = 0;
            for (float v : row) {
                assertThat(v).isGreaterThanOrEqualTo(0f);
                sum += v;
            }
            assertThat(sum).isGreaterThan(0f);
        }
    }
}
