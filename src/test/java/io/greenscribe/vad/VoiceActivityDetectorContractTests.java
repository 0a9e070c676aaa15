package io.greenscribe.vad;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.audio.PcmAudio;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every {@link VoiceActivityDetector} must do; each implementation's tests extend this. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class VoiceActivityDetectorContractTests {

    /** LJ001-0001, 9.655 s of one public-domain reader. */
    protected static final String SPEECH_CLIP = "en-short/audio/LJ001-0001.flac";

    protected VoiceActivityDetector detector;

    protected abstract VoiceActivityDetector createDetector(VadOptions options);

    @BeforeAll
    void setUpDetector() {
        detector = createDetector(VadOptions.defaults());
    }

    @AfterAll
    void closeDetector() {
        detector.close();
    }

    @Test
    void findsNothingInNoAudio() {
        assertThat(detector.detect(new PcmAudio(new float[0]))).isEmpty();
    }

    @Test
    void findsNothingInDigitalSilence() {
        assertThat(detector.detect(new PcmAudio(new float[10 * PcmAudio.SAMPLE_RATE])))
                .isEmpty();
    }

    @Test
    void findsNothingInSteadyQuietNoise() {
        // given white noise at about -50 dBFS, like a quiet room through a cheap microphone
        Random random = new Random(42);
        float[] noise = new float[10 * PcmAudio.SAMPLE_RATE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.003);
        }

        assertThat(detector.detect(new PcmAudio(noise))).isEmpty();
    }

    @Test
    void findsSpeechBetweenSilencesAndOnlyThere() {
        // given 3 s of digital zero, a 9.655 s spoken sentence, 3 s of digital zero
        PcmAudio audio = SpeechData.padWithSilence(SpeechData.decode(SPEECH_CLIP), 3, 3);
        int speechStart = 3 * PcmAudio.SAMPLE_RATE;
        int speechEnd = speechStart + 154_480;
        int tolerance = PcmAudio.SAMPLE_RATE / 5;

        // when
        List<SpeechSegment> segments = detector.detect(audio);

        // then the sentence is found, nothing outside it, and segments are ordered and disjoint
        assertThat(segments).isNotEmpty().allSatisfy(s -> {
            assertThat(s.startSample()).isGreaterThanOrEqualTo(speechStart - tolerance);
            assertThat(s.endSample()).isLessThanOrEqualTo(speechEnd + tolerance);
        });
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).startSample())
                    .isGreaterThan(segments.get(i - 1).endSample());
        }
        int found = segments.stream().mapToInt(SpeechSegment::lengthSamples).sum();
        assertThat(found / (double) PcmAudio.SAMPLE_RATE).isGreaterThan(8.0);
    }

    /**
     * Ground truth for the MFA clip is hand-labelled; for the concatenation it is each clip's full
     * extent, lead-in and lead-out silence included, so recall there is understated.
     */
    @ParameterizedTest
    @CsvSource({"mfa_michaelandsickmichael_mono.flac, 0.0", "concat_dev_en_sparse.flac, 0.2"})
    void sendsAlmostAllTrueSpeechOfLongRecordingsToRecognition(String file, double minSkipped) {
        // given a recording with known speech regions
        PcmAudio audio = SpeechData.decode("long-form/audio/" + file);
        List<SpeechSegment> truth = SpeechData.truth(file);
        int total = audio.samples().length;

        // when
        long started = System.nanoTime();
        List<SpeechSegment> segments = detector.detect(audio);
        double millis = (System.nanoTime() - started) / 1e6;
        SpeechPlan plan = new WindowPlanner(VadOptions.defaults()).plan(segments, total);

        // then almost all true speech lies in a window, and silence is skipped
        Overlap inSegments = Overlap.ofSegments(truth, segments, total);
        Overlap inWindows = Overlap.ofWindows(truth, plan.windows(), total);
        System.out.printf(
                "%s on %s (%.1f s): segments recall %.3f precision %.3f; %d windows recall %.3f"
                        + " precision %.3f; skipped %.3f; %.3f ms per 32 ms frame%n",
                detector.getClass().getSimpleName(),
                file,
                audio.durationSeconds(),
                inSegments.recall(),
                inSegments.precision(),
                plan.windows().size(),
                inWindows.recall(),
                inWindows.precision(),
                plan.skippedFraction(),
                millis / Math.ceil(total / 512.0));
        assertThat(inWindows.recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(inSegments.recall()).isGreaterThanOrEqualTo(0.8);
        assertThat(inSegments.precision()).isGreaterThanOrEqualTo(0.85);
        assertThat(plan.skippedFraction()).isGreaterThan(minSkipped);
    }

    @Test
    void forgetsEverythingBetweenCalls() {
        PcmAudio audio = SpeechData.padWithSilence(SpeechData.decode(SPEECH_CLIP), 1, 1);

        List<SpeechSegment> first = detector.detect(audio);
        detector.detect(SpeechData.decode("en-short/audio/jfk.mp3"));
        List<SpeechSegment> again = detector.detect(audio);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void detectsConcurrently() throws Exception {
        // given
        List<PcmAudio> files = List.of(
                SpeechData.decode(SPEECH_CLIP),
                SpeechData.decode("en-short/audio/jfk.mp3"),
                SpeechData.decode("en-short/audio/1272-128104-0004-8k.wav"));
        List<List<SpeechSegment>> expected =
                files.stream().map(detector::detect).toList();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // when
            List<Future<List<SpeechSegment>>> running = files.stream()
                    .map(audio -> pool.submit(() -> detector.detect(audio)))
                    .toList();

            // then
            for (int i = 0; i < files.size(); i++) {
                assertThat(running.get(i).get()).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
