package io.greenscribe.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AudioWindowTests {

    private static final int SR = 16_000;

    // pieces 10-14 s and 20-23 s of the original, joined: 7 s of window
    private final AudioWindow joined =
            new AudioWindow(0, new float[7 * SR], 10, new double[] {10, 20}, new int[] {4 * SR, 3 * SR});

    @Test
    void mapsTimesOfAJoinedWindowBackToTheOriginal() {
        assertThat(joined.sourceSeconds(0, false)).isEqualTo(10);
        assertThat(joined.sourceSeconds(3.5, false)).isCloseTo(13.5, within(1e-9));
        assertThat(joined.sourceSeconds(5.25, true)).isCloseTo(21.25, within(1e-9));
        assertThat(joined.sourceSeconds(7, true)).isCloseTo(23, within(1e-9));
    }

    @Test
    void aMomentOnTheSeamStartsTheLaterPieceAndEndsTheEarlierOne() {
        assertThat(joined.sourceSeconds(4, false)).isCloseTo(20, within(1e-9));
        assertThat(joined.sourceSeconds(4, true)).isCloseTo(14, within(1e-9));
        assertThat(joined.pieceEndSeconds(3.9)).isCloseTo(14, within(1e-9));
        assertThat(joined.pieceEndSeconds(4.1)).isCloseTo(23, within(1e-9));
    }

    @Test
    void aContiguousWindowIsItsOffsetPlusTheTime() {
        AudioWindow plain = new AudioWindow(3, new float[5 * SR], 100);

        assertThat(plain.joined()).isFalse();
        assertThat(plain.sourceSeconds(2.5, false)).isCloseTo(102.5, within(1e-9));
        assertThat(plain.sourceSeconds(9, true)).isCloseTo(105, within(1e-9)); // clamped to the window
    }

    @Test
    void piecesMustCoverTheSamples() {
        assertThatThrownBy(() -> new AudioWindow(0, new float[SR], 0, new double[] {0}, new int[] {SR / 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
