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
import io.greenscribe.vad.SpeechWindowPlanner;
import io.greenscribe.vad.SpeechWindowPlanners;
import io.greenscribe.vad.VadOptions;
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
    private static SpeechWindowPlanner vad;
    private static FileTranscriber transcriber;

    @BeforeAll
    static void load() {
        Models.require("whisper-tiny.en");
        Models.require("silero-vad");
        recognizer = WhisperRecognizers.open("whisper-tiny.en", Models.root(), Device.cpu(), 4);
        vad = SpeechWindowPlanners.open("silero", Models.root(), VadOptions.defaults());
        transcriber = new FileTranscriber(new FfmpegAudioDecoder(), vad);
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
                .filter(u -> u.file().equals(file))
                .findFirst()
                .orElseThrow()
                .reference();

        // when
        TranscriptionResult result = transcriber.transcribe(file, recognizer, RecognitionOptions.defaults(), false);

        // then
        double wer = WordErrorRate.wer(reference, result.document().fullText());
        System.out.printf(
                "concat_dev_en_sparse: WER %.3f, %d windows, %.1f%% skipped, %.1f s wall%n",
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

    @Test
    void timesAfterTheCutOutPausesLandOnTheOriginalTimeline(@TempDir Path dir) throws IOException {
        // given four utterances with pauses of 3, 4.5 and 2.5 s over a -60 dBFS noise floor: the
        // planner joins them into one window with most of each pause cut out
        String[] names = {"LJ001-0009.flac", "arctic_aew_a0002.wav", "LJ001-0011.flac", "arctic_aew_a0003.wav"};
        double[] pauses = {1, 3, 4.5, 2.5};
        Random random = new Random(21);
        java.util.List<float[]> parts = new java.util.ArrayList<>();
        double[] onsets = new double[names.length];
        double[] offsets = new double[names.length];
        double at = 0;
        for (int k = 0; k < names.length; k++) {
            float[] pause = new float[(int) (pauses[k] * 16_000)];
            for (int i = 0; i < pause.length; i++) {
                pause[i] = (float) (random.nextGaussian() * 0.001);
            }
            String name = names[k];
            float[] clip = new FfmpegAudioDecoder()
                    .decode(SharedData.manifest("en-short").stream()
                            .filter(u -> u.file().endsWith("audio/" + name))
                            .findFirst()
                            .orElseThrow()
                            .file())
                    .samples();
            at += pauses[k];
            onsets[k] = at + edge(clip, false);
            offsets[k] = at + edge(clip, true);
            at += clip.length / 16_000.0;
            parts.add(pause);
            parts.add(clip);
        }
        parts.add(new float[16_000]);
        float[] all = io.greenscribe.asr.whisper.DecodeToWindowEndTestsAccess.join(parts);
        Path file = WavFiles.write(dir.resolve("pauses.wav"), all, 16_000);

        // when
        TranscriptionResult result = transcriber.transcribe(
                file, recognizer, RecognitionOptions.defaults().withWordTimestamps(true), false);

        // then less than the recording is read, each utterance starts a segment at its onset, and
        // every word and segment lies inside an utterance (the pauses hold none)
        System.out.printf(
                "pauses: offsets %s onsets %s, read %.1f of %.1f s in %d windows%n",
                java.util.Arrays.toString(offsets),
                java.util.Arrays.toString(onsets),
                result.speechSeconds(),
                result.audioSeconds(),
                result.windows());
        assertThat(result.speechSeconds()).isLessThan(result.audioSeconds() - 7);
        java.util.List<io.greenscribe.text.TimedWord> words = result.document().segments().stream()
                .flatMap(s -> s.words().stream())
                .toList();
        for (TimedSegment s : result.document().segments()) {
            System.out.printf(
                    "  %.2f-%.2f %s | %s%n",
                    s.start(),
                    s.end(),
                    s.text(),
                    s.words().stream()
                            .map(w -> String.format("%.2f-%.2f", w.start(), w.end()))
                            .toList());
        }
        // every utterance after a cut-out pause starts a segment within 0.2 s of its onset; the first
        // one lies before any cut, where the alignment may start the window's first word in the
        // 0.4 s speech pad before it (Whisper's own bias at a window's first frame), so it gets the pad
        for (int k = 0; k < names.length; k++) {
            double onset = onsets[k];
            double tolerance = k == 0 ? 0.4 : 0.2;
            assertThat(result.document().segments())
                    .as("a segment starting at utterance %d (%.2f s)", k, onset)
                    .anyMatch(s -> Math.abs(s.start() - onset) <= tolerance);
        }
        // (a last word's end reaches into the padding after its utterance, where alignment stretches
        // it: the 0.4 s pad plus the detector's hangover past the energy offset; never into the pause)
        assertThat(words).allSatisfy(w -> assertThat(java.util.stream.IntStream.range(0, names.length)
                        .anyMatch(k -> w.start() >= onsets[k] - 0.4 && w.end() <= offsets[k] + 0.6))
                .as(w.toString())
                .isTrue());
        assertThat(result.document().segments())
                .allSatisfy(s -> assertThat(java.util.stream.IntStream.range(0, names.length)
                                .anyMatch(k -> s.end() >= onsets[k] - 0.2 && s.end() <= offsets[k] + 0.6))
                        .as("end of " + s)
                        .isTrue());
    }

    /** Seconds from the clip's start to its first (or from its start to its last) 10 ms above -40 dBFS. */
    private static double edge(float[] clip, boolean last) {
        int frame = 160;
        int found = -1;
        for (int f = 0; f + frame <= clip.length; f += frame) {
            double energy = 0;
            for (int i = f; i < f + frame; i++) {
                energy += clip[i] * clip[i];
            }
            if (Math.sqrt(energy / frame) > 0.01) {
                found = last ? f + frame : (found < 0 ? f : found);
                if (!last) {
                    break;
                }
            }
        }
        return found / 16_000.0;
    }
}
