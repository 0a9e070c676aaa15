package io.greenscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Segmentation rules on hand-made probabilities, in 100 ms frames so the arithmetic is readable. */
class FrameProbabilitiesTests {

    static final int FRAME = 1600;

    /** Threshold 0.5 (exit below 0.35), 300 ms silence, 200 ms speech, 3 s windows with 0.5 s padding. */
    final VadOptions options = new VadOptions(0.5, 300, 200, 500, 3.0);

    @Test
    void findsSpeechAboveTheThreshold() {
        List<SpeechSegment> segments = segments(0, 0, .9, .9, .9, 0, 0, 0, 0);

        assertThat(segments).containsExactly(frames(2, 5));
    }

    @Test
    void keepsPausesShorterThanTheMinimumSilenceInside() {
        List<SpeechSegment> segments = segments(.9, .9, 0, 0, .9, .9, 0, 0, 0, .9, .9);

        assertThat(segments).containsExactly(frames(0, 6), frames(9, 11));
    }

    @Test
    void holdsSpeechWhileTheProbabilityStaysAboveTheExitThreshold() {
        // given frames at 0.4: below the entry threshold but above the exit threshold
        List<SpeechSegment> segments = segments(0, .4, .9, .4, .4, .4, .4, .4, 0, 0, 0, 0);

        // then they neither start speech nor end it
        assertThat(segments).containsExactly(frames(2, 8));
    }

    @Test
    void dropsSpeechShorterThanTheMinimum() {
        List<SpeechSegment> segments = segments(0, .9, 0, 0, 0, 0, .9, .9, 0, 0, 0);

        assertThat(segments).containsExactly(frames(6, 8));
    }

    @Test
    void endsSpeechAtTheEndOfTheAudio() {
        List<SpeechSegment> segments = segments(0, .9, .9, .9);

        assertThat(segments).containsExactly(frames(1, 4));
    }

    @Test
    void cutsOverlongSpeechInItsLongestPause() {
        // given 2.2 s of speech (the most a padded 3 s window holds is 2 s) with pauses of 200 ms
        // after 0.5 s and of 100 ms after 1.2 s, both too short to end a segment
        List<SpeechSegment> segments = segments(
                .9, .9, .9, .9, .9, 0, 0, .9, .9, .9, .9, .9, 0, .9, .9, .9, .9, .9, .9, .9, .9, .9, .9, 0, 0, 0);

        // then the cut is made in the longer pause, which falls outside both pieces
        assertThat(segments).containsExactly(frames(0, 5), frames(7, 23));
    }

    @Test
    void cutsOverlongSpeechWithoutPausesWhereItReachesTheLimit() {
        float[] speech = new float[25];
        java.util.Arrays.fill(speech, 0.9f);

        List<SpeechSegment> segments = segments(speech);

        assertThat(segments).containsExactly(frames(0, 20), frames(20, 25));
    }

    @Test
    void clipsTheLastFrameToTheAudio() {
        List<SpeechSegment> segments =
                new FrameProbabilities(new float[] {0, .9f, .9f, .9f}, FRAME, 3 * FRAME + 100).segments(options);

        assertThat(segments).containsExactly(new SpeechSegment(FRAME, 3 * FRAME + 100));
    }

    private List<SpeechSegment> segments(double... probabilities) {
        float[] values = new float[probabilities.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) probabilities[i];
        }
        return segments(values);
    }

    private List<SpeechSegment> segments(float[] values) {
        return new FrameProbabilities(values, FRAME, values.length * FRAME).segments(options);
    }

    static SpeechSegment frames(int from, int to) {
        return new SpeechSegment(from * FRAME, to * FRAME);
    }
}
