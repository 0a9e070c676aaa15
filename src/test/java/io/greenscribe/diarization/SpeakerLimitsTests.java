package io.greenscribe.diarization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpeakerLimitsTests {

    @Test
    void aGivenCountIsFixed() {
        assertThat(SpeakerLimits.of(3, null, null)).isEqualTo(new SpeakerLimits(3, 3));
        assertThat(SpeakerLimits.of(3, null, null).fixed()).isTrue();
    }

    @Test
    void missingBoundsDefault() {
        assertThat(SpeakerLimits.of(null, null, null)).isEqualTo(new SpeakerLimits(1, SpeakerLimits.DEFAULT_MAX));
        assertThat(SpeakerLimits.of(null, 12, null)).isEqualTo(new SpeakerLimits(12, 12));
        assertThat(SpeakerLimits.of(null, null, 4)).isEqualTo(new SpeakerLimits(1, 4));
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> SpeakerLimits.of(0, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpeakerLimits.of(21, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpeakerLimits.of(null, 5, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
