package io.greenscribe.asr.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.greenscribe.asr.AudioWindow;
import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.Segment;
import io.greenscribe.asr.WindowTranscript;
import io.greenscribe.audio.ffmpeg.FfmpegAudioDecoder;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.WordErrorRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real weights (Whisper tiny.en) on real speech. */
class DjlWhisperRecognizerTests {

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
    void transcribesRealEnglishSpeechInBatches() {
        // given the first eight English clips, each one window, offset as if in one long file
        List<SharedData.Utterance> clips = SharedData.manifest("en-short").subList(0, 8);
        List<AudioWindow> windows = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            windows.add(new AudioWindow(i, decoder.decode(clips.get(i).file()).samples(), 100.0 * i));
        }

        // when
        List<WindowTranscript> out = recognizer.recognize(windows, RecognitionOptions.defaults());

        // then
        StringBuilder reference = new StringBuilder();
        StringBuilder hypothesis = new StringBuilder();
        for (int i = 0; i < clips.size(); i++) {
            WindowTranscript t = out.get(i);
            assertThat(t.windowIndex()).isEqualTo(i);
            assertThat(t.language()).isEqualTo("en");
            double previousEnd = 100.0 * i;
            for (Segment s : t.segments()) {
                assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd - 1e-9);
                assertThat(s.end())
                        .isGreaterThanOrEqualTo(s.start())
                        .isLessThanOrEqualTo(100.0 * i + windows.get(i).durationSeconds() + 1e-9);
                previousEnd = s.start();
            }
            reference.append(clips.get(i).reference()).append(' ');
            hypothesis.append(t.text()).append(' ');
        }
        double wer = WordErrorRate.wer(reference.toString(), hypothesis.toString());
        System.out.printf("tiny.en WER on %d en-short clips: %.3f%n", clips.size(), wer);
        assertThat(wer).isLessThan(0.12);
    }

    @Test
    void silenceAndNoiseProduceNoWords() {
        // given ten seconds of digital silence and ten of white noise
        float[] silence = new float[160_000];
        float[] noise = new float[160_000];
        Random random = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.05);
        }

        // when
        List<WindowTranscript> out = recognizer.recognize(
                List.of(new AudioWindow(0, silence, 0), new AudioWindow(1, noise, 10)), RecognitionOptions.defaults());

        // then
        assertThat(out)
                .allSatisfy(t -> assertThat(t.segments()).as(t.toString()).isEmpty());
    }

    @Test
    void anEnglishOnlyModelRefusesOtherLanguages() {
        AudioWindow window = new AudioWindow(0, new float[16_000], 0);
        assertThatThrownBy(() -> recognizer.recognize(
                        List.of(window), RecognitionOptions.defaults().withLanguage("de")))
                .isInstanceOf(UnsupportedLanguageException.class)
                .hasMessageContaining("English-only");
    }

    @Test
    void hotwordsSteerTheSpellingOfNames() {
        // the clip says "Quilter"; a hotword must not break recognition of the rest
        AudioWindow window = new AudioWindow(
                0,
                decoder.decode(SharedData.speech("en-short/audio/1272-128104-0000.wav"))
                        .samples(),
                0);
        WindowTranscript t = recognizer
                .recognize(
                        List.of(window), RecognitionOptions.defaults().withPrompt(null, List.of("Quilter", "apostle")))
                .get(0);
        assertThat(t.text()).contains("Quilter").contains("apostle");
    }

    @Test
    void wordTimestampsAreOrderedAndInsideTheirSegments() {
        // given the LibriSpeech clip "Mister Quilter is the apostle of the middle classes ..." (5.86 s)
        AudioWindow window = new AudioWindow(
                0,
                decoder.decode(SharedData.speech("en-short/audio/1272-128104-0000.wav"))
                        .samples(),
                10.0);

        // when
        WindowTranscript t = recognizer
                .recognize(List.of(window), RecognitionOptions.defaults().withWordTimestamps(true))
                .get(0);

        // then every word of the text is timed, in order, inside its segment and the window
        List<io.greenscribe.asr.Word> words =
                t.segments().stream().flatMap(s -> s.words().stream()).toList();
        String joined = words.stream().map(io.greenscribe.asr.Word::word).reduce("", String::concat);
        assertThat(joined.strip()).isEqualTo(t.text());
        double previous = 10.0;
        for (Segment s : t.segments()) {
            for (io.greenscribe.asr.Word w : s.words()) {
                assertThat(w.start()).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(s.start() - 0.5);
                assertThat(w.end())
                        .isGreaterThanOrEqualTo(w.start())
                        .isLessThanOrEqualTo(Math.min(s.end() + 0.5, 15.855));
                assertThat(w.probability()).isBetween(0.0, 1.0);
                previous = w.start();
            }
        }
        System.out.println("words: " + words);
        assertThat(words.get(0).start()).isLessThan(11.0);
        assertThat(words.get(words.size() - 1).end()).isGreaterThan(14.5);
    }
}
