package io.greenscribe.asr.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.greenscribe.asr.AudioWindow;
import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.Segment;
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
 * Real weights (Whisper tiny.en) on one window holding two real utterances with a pause between
 * them: Whisper tends to end such a window at the pause, and the words after it must still come.
 */
class DecodeToWindowEndTests {

    private static final int RATE = 16_000;

    private static DjlWhisperRecognizer recognizer;
    private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();

    @BeforeAll
    static void load() {
        Models.require("whisper-tiny.en");
        recognizer = WhisperRecognizers.open("whisper-tiny.en", Models.root(), Device.cpu(), 4);
    }

    @AfterAll
    static void close() {
        if (recognizer != null) {
            recognizer.close();
        }
    }

    @Test
    void wordsAfterAPauseOfMoreThanThreeSecondsInsideAWindowAreDecoded() {
        // given "Printing, in the only sense ..." (9.7 s), 4 s of silence, then "Mister Quilter ..." (5.9 s)
        SharedData.Utterance first = clip("audio/LJ001-0001.flac");
        SharedData.Utterance second = clip("audio/1272-128104-0000.wav");
        float[] a = decoder.decode(first.file()).samples();
        float[] b = decoder.decode(second.file()).samples();
        float[] pause = new float[4 * RATE];
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < pause.length; i++) {
            pause[i] = (float) (random.nextGaussian() * 0.003); // a -50 dBFS room, not digital zero
        }
        float[] window = join(a, pause, b);
        double secondStarts = (a.length + 4 * RATE) / (double) RATE;

        // when it is recognized as one window, placed at 50 s in a longer file
        WindowTranscript t = recognizer
                .recognize(List.of(new AudioWindow(0, window, 50.0)), RecognitionOptions.defaults())
                .get(0);

        // then both utterances come back, the end of the second timed after the pause
        System.out.println("pause window: " + t.segments());
        assertThat(WordErrorRate.wer(first.reference() + " " + second.reference(), t.text()))
                .as(t.text())
                .isLessThan(0.2);
        Segment last = t.segments().get(t.segments().size() - 1);
        assertThat(last.text()).containsIgnoringCase("gospel");
        assertThat(last.end()).isGreaterThan(50 + secondStarts + 3);
        assertThat(t.segments())
                .allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(50 + window.length / (double) RATE));
    }

    private static SharedData.Utterance clip(String file) {
        return SharedData.manifest("en-short").stream()
                .filter(u -> u.file().endsWith(file))
                .findFirst()
                .orElseThrow();
    }

    static float[] join(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
