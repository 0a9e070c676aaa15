package io.greenscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmAudioTests {

    @Test
    void warnsWhenClearlyLessIsDecodedThanTheContainerDeclares() {
        PcmAudio cut = new PcmAudio(new float[(int) (4.2 * 16_000)], 10.5);

        assertThat(cut.shortfallWarning()).contains("decoded 4.2 s; the container declares 10.5 s");
    }

    @Test
    void staysQuietWithinTheEstimateOfTheDeclaredLengthOrWhenNoneIsDeclared() {
        assertThat(new PcmAudio(new float[10 * 16_000], 10.4).shortfallWarning())
                .isEmpty();
        assertThat(new PcmAudio(new float[100 * 16_000], 104).shortfallWarning())
                .isEmpty(); // under 5 %
        assertThat(new PcmAudio(new float[16_000]).shortfallWarning()).isEmpty();
    }
}
