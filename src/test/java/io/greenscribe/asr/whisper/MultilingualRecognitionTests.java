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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real multilingual weights (Whisper base) on real Mandarin, German and Spanish speech. */
class MultilingualRecognitionTests {

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
    void detectsLanguagePerWindowAndTranscribesEach() {
        // given Mandarin (AISHELL-1), German and Spanish clips in one batch, language not given
        List<SharedData.Utterance> clips =
                new ArrayList<>(SharedData.manifest("zh-short").subList(0, 2));
        SharedData.manifest("multi-short").stream()
                .filter(u -> u.language().equals("de") || u.language().equals("es"))
                .forEach(clips::add);
        List<AudioWindow> windows = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            windows.add(new AudioWindow(i, decoder.decode(clips.get(i).file()).samples(), 0));
        }

        // when
        List<WindowTranscript> out = recognizer.recognize(windows, RecognitionOptions.defaults());

        // then every language is detected; Mandarin is scored by CER over both clips together
        StringBuilder zhReference = new StringBuilder();
        StringBuilder zhHypothesis = new StringBuilder();
        for (int i = 0; i < clips.size(); i++) {
            SharedData.Utterance clip = clips.get(i);
            WindowTranscript t = out.get(i);
            System.out.printf("base %s %s: %s%n", clip.language(), clip.file().getFileName(), t.text());
            assertThat(t.language()).as(clip.file().toString()).isEqualTo(clip.language());
            if (clip.language().equals("zh")) {
                zhReference.append(clip.reference());
                zhHypothesis.append(Simplified.of(t.text()));
            } else {
                assertThat(WordErrorRate.wer(clip.reference(), t.text()))
                        .as(t.text())
                        .isLessThan(0.5);
            }
        }
        double cer = WordErrorRate.cer(zhReference.toString(), zhHypothesis.toString());
        System.out.printf("base zh CER: %.3f%n", cer);
        assertThat(cer).isLessThan(0.35);
    }

    @Test
    void aFixedLanguageIsUsedAsGiven() {
        SharedData.Utterance clip = SharedData.manifest("zh-short").get(0);
        WindowTranscript t = recognizer
                .recognize(
                        List.of(new AudioWindow(0, decoder.decode(clip.file()).samples(), 0)),
                        RecognitionOptions.defaults().withLanguage("zh"))
                .get(0);
        assertThat(t.language()).isEqualTo("zh");
        assertThat(t.languageProbability()).isEqualTo(1.0);
        assertThat(t.text()).isNotBlank();
    }

    /** Whisper often answers Mandarin in traditional characters; map the few the clips need. */
    static final class Simplified {
        private static final String TRADITIONAL = "現幾滯況線雖處於調業這個們歡體驗達識別說長時話";
        private static final String SIMPLIFIED = "现几滞况线虽处于调业这个们欢体验达识别说长时话";

        static String of(String text) {
            StringBuilder sb = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                int i = TRADITIONAL.indexOf(c);
                sb.appendCodePoint(i >= 0 ? SIMPLIFIED.codePointAt(i) : c);
            });
            return sb.toString();
        }
    }
}
