package io.greenscribe.asr.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.greenscribe.asr.AudioWindow;
import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.WindowTranscript;
import io.greenscribe.audio.ffmpeg.FfmpegAudioDecoder;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.WordErrorRate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real multilingual weights (Whisper base) on a 25 s Mandarin recording of three utterances, the
 * last after a 4 s pause, read as one window: decoding must not stop at the pause.
 */
class MandarinPauseTests {

    private static final int RATE = 16_000;

    private static DjlWhisperRecognizer recognizer;
    private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();

    @BeforeAll
    static void load() {
        Models.require("whisper-base");
        recognizer = WhisperRecognizers.open("whisper-base", Models.root(), Device.cpu(), 4);
    }

    @AfterAll
    static void close() {
        if (recognizer != null) {
            recognizer.close();
        }
    }

    @Test
    void allThreeUtterancesOfAWindowWithAFourSecondPauseComeBack() {
        // given 1 s of silence, utterance 1 (4.2 s), 2.5 s, utterance 2 (5.5 s), 4 s, utterance 3 (4.1 s), 3.7 s
        List<SharedData.Utterance> zh = SharedData.manifest("zh-short");
        SharedData.Utterance one = clip(zh, "BAC009S0764W0121.wav");
        SharedData.Utterance two = clip(zh, "funasr_asr_example.wav");
        SharedData.Utterance three = clip(zh, "BAC009S0764W0122.wav");
        java.util.Random random = new java.util.Random(3);
        float[] window = DecodeToWindowEndTests.join(
                room(1, random),
                samples(one),
                room(2.5, random),
                samples(two),
                room(4, random),
                samples(three),
                room(3.7, random));

        // when language is detected, as by default
        WindowTranscript t = recognizer
                .recognize(List.of(new AudioWindow(0, window, 0)), RecognitionOptions.defaults())
                .get(0);

        // then each utterance is there, in order
        String text = MultilingualRecognitionTests.Simplified.of(t.text());
        System.out.printf("zh 3 utterances (%.1f s): %s%n", window.length / (double) RATE, text);
        assertThat(t.language()).isEqualTo("zh");
        for (SharedData.Utterance u : List.of(one, two, three)) {
            assertThat(bestCer(u.reference(), text))
                    .as(u.reference() + " in " + text)
                    .isLessThan(0.35);
        }
    }

    /** CER of the reference against the closest stretch of the hypothesis of the same length. */
    private static double bestCer(String reference, String hypothesis) {
        String h = hypothesis.replaceAll("[\\s\\p{Punct}，。？！、]", "");
        double best = 1;
        for (int i = 0; i + 1 <= Math.max(1, h.length() - reference.length() + 1); i++) {
            String part = h.substring(Math.min(i, h.length()), Math.min(h.length(), i + reference.length()));
            best = Math.min(best, WordErrorRate.cer(reference, part));
        }
        return best;
    }

    /** A pause with a faint room noise floor (-50 dBFS), as in a real recording. */
    private static float[] room(double seconds, java.util.Random random) {
        float[] out = new float[(int) (seconds * RATE)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (random.nextGaussian() * 0.003);
        }
        return out;
    }

    private float[] samples(SharedData.Utterance u) {
        return decoder.decode(u.file()).samples();
    }

    private static SharedData.Utterance clip(List<SharedData.Utterance> set, String name) {
        return set.stream()
                .filter(u -> u.file().endsWith("audio/" + name))
                .findFirst()
                .orElseThrow();
    }
}
