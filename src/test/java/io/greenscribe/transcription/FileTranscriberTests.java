package io.greenscribe.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.greenscribe.asr.RecognitionOptions;
import io.greenscribe.asr.whisper.DjlWhisperRecognizer;
import io.greenscribe.asr.whisper.WhisperRecognizers;
import io.greenscribe.audio.ffmpeg.FfmpegAudioDecoder;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.WavFiles;
import io.greenscribe.testing.WordErrorRate;
import io.greenscribe.text.TimedSegment;
import io.greenscribe.vad.VadOptions;
import io.greenscribe.vad.WindowPlanner;
import io.greenscribe.vad.silero.SileroVoiceActivityDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole chain on real models: FFmpeg → Silero windows → Whisper tiny.en → ITN. */
class FileTranscriberTests {

    private static DjlWhisperRecognizer recognizer;
    private static SileroVoiceActivityDetector vad;
    private static FileTranscriber transcriber;

    @BeforeAll
    static void load() {
        Models.require("whisper-tiny.en");
        Models.require("silero-vad");
        recognizer = WhisperRecognizers.open("whisper-tiny.en", Models.root(), Device.cpu(), 4);
        vad = new SileroVoiceActivityDetector(VadOptions.defaults());
        transcriber = new FileTranscriber(new FfmpegAudioDecoder(), vad, new WindowPlanner(VadOptions.defaults()));
    }

    @AfterAll
    static void close() throws Exception {
        recognizer.close();
        vad.close();
    }

    @Test
    void silenceAndNoiseInNoWordsOut(@TempDir Path dir) throws IOException {
        // given 20 s: 5 s digital silence, 10 s of white noise at -26 dBFS, 5 s of silence
        float[] samples = new float[20 * 16_000];
        Random random = new Random(11);
        for (int i = 5 * 16_000; i < 15 * 16_000; i++) {
            samples[i] = (float) (random.nextGaussian() * 0.05);
        }
        Path file = WavFiles.write(dir.resolve("noise.wav"), samples, 16_000);

        // when
        TranscriptionResult result = transcriber.transcribe(file, recognizer, RecognitionOptions.defaults(), true);

        // then
        assertThat(result.document().segments()).isEmpty();
        assertThat(result.audioSeconds()).isEqualTo(20.0);
    }

    @Test
    void longFormSpeechIsWindowedAndTimedInsideTheAudio() {
        // given 193 s of utterances separated by long silences
        Path file = SharedData.speech("long-form/audio/concat_dev_en_sparse.flac");
        String reference = SharedData.manifest("long-form").stream()
                .filter(u -> u.file().equals(file)).findFirst().orElseThrow().reference();

        // when
        TranscriptionResult result = transcriber.transcribe(file, recognizer, RecognitionOptions.defaults(), false);

        // then
        double wer = WordErrorRate.wer(reference, result.document().fullText());
        System.out.printf("concat_dev_en_sparse: WER %.3f, %d windows, %.1f%% skipped, %.1f s wall%n",
                wer, result.windows(), 100 * result.skippedFraction(), result.wallSeconds());
        assertThat(wer).isLessThan(0.2);
        assertThat(result.skippedFraction()).isGreaterThan(0.15);
        double previous = 0;
        for (TimedSegment s : result.document().segments()) {
            assertThat(s.start()).isGreaterThanOrEqualTo(previous);
            assertThat(s.end()).isGreaterThanOrEqualTo(s.start()).isLessThanOrEqualTo(result.audioSeconds());
            previous = s.start();
        }
    }
}
