package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenscribe.audio.AudioProperties;
import io.greenscribe.audio.PcmAudio;
import io.greenscribe.audio.ffmpeg.FfmpegAudioDecoder;
import io.greenscribe.testing.Http;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import io.greenscribe.testing.WavFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recording that switches between English and Mandarin, built from the dev clips
 * ({@code ../shared/data/speech}: en-short and zh-short, seeded), transcribed by whisper-base with
 * {@code language=auto-per-window}: each segment's reported language is scored against the clip
 * its time falls in. The figures (and those of the default detection, and of turns closer than the
 * VAD's 2 s cut) are written to target/language-per-window/results.json; docs/benchmarks.md quotes
 * them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "greenscribe.queue.poll-interval=100ms",
            "greenscribe.queue.concurrent-jobs=1",
            "greenscribe.jobs.max-upload-size=20MB"
        })
@Import(TestDatabaseConfiguration.class)
class LanguagePerWindowIntegrationTests {

    private static final int RATE = PcmAudio.SAMPLE_RATE;
    /** A quiet room, not digital zero: -60 dBFS Gaussian noise between and under the turns. */
    private static final double NOISE = Math.pow(10, -60 / 20.0);

    @LocalServerPort
    int port;

    @Autowired
    AudioProperties audioProperties;

    @TempDir
    static Path dir;

    /** One clip's place in the built recording. */
    record Turn(String language, double start, double end, String file) {}

    record Recording(Path file, List<Turn> turns, double seconds) {}

    @BeforeAll
    static void models() {
        Models.require("whisper-base");
    }

    @Test
    void everySegmentOfATwoLanguageRecordingCarriesItsOwnLanguage() throws Exception {
        Http api = new Http("http://127.0.0.1:" + port, "gs_test_admin_key");
        FfmpegAudioDecoder decoder = new FfmpegAudioDecoder(audioProperties);
        // turns at least 2.5 s apart: past the VAD's 2 s minimum silence, so a turn starts a window
        Recording apart = build(decoder, "apart", 2.5, 4.0, 7);
        // the worst case: turns 0.6-1.5 s apart stay in one stretch of speech, so a window can hold both
        Recording close = build(decoder, "close", 0.6, 1.5, 7);

        Map<String, Object> results = new LinkedHashMap<>();
        Score perWindow = score(transcribe(api, apart, "auto-per-window"), apart.turns());
        results.put("apart, auto-per-window", perWindow.toMap());
        Score detected = scoreAsOneLanguage(transcribe(api, apart, null), apart.turns());
        results.put("apart, default detection (transcript language for every segment)", detected.toMap());
        Score closeTurns = score(transcribe(api, close, "auto-per-window"), close.turns());
        results.put("close, auto-per-window", closeTurns.toMap());
        results.put("recordings", Map.of("apart", apart.seconds(), "close", close.seconds(), "turns", 10));
        Path out = Path.of("target/language-per-window/results.json");
        Files.createDirectories(out.getParent());
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);

        // each segment's language is right on at least 90 % of segments
        assertThat(perWindow.segments()).as(results.toString()).isGreaterThanOrEqualTo(10);
        assertThat(perWindow.accuracy()).as(results.toString()).isGreaterThanOrEqualTo(0.9);
        // and per-window detection does better than one language for the whole recording
        assertThat(perWindow.accuracy()).as(results.toString()).isGreaterThan(detected.accuracy());
    }

    /** Ten turns, English and Mandarin alternating: the five zh-short clips and five en-short ones. */
    private Recording build(FfmpegAudioDecoder decoder, String name, double minGap, double maxGap, long seed)
            throws Exception {
        Random random = new Random(seed);
        List<SharedData.Utterance> zh = new ArrayList<>(SharedData.manifest("zh-short"));
        List<SharedData.Utterance> en = new ArrayList<>(SharedData.manifest("en-short").stream()
                .filter(u -> u.durationSeconds() >= 2 && u.durationSeconds() <= 8)
                .toList());
        java.util.Collections.shuffle(zh, random);
        java.util.Collections.shuffle(en, random);
        List<float[]> parts = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        int at = 0;
        parts.add(noise(random, RATE));
        at += RATE;
        for (int i = 0; i < 10; i++) {
            SharedData.Utterance u = i % 2 == 0 ? en.get(i / 2) : zh.get(i / 2);
            float[] clip = decoder.decode(u.file()).samples();
            float[] noisy = noise(random, clip.length);
            for (int k = 0; k < clip.length; k++) {
                noisy[k] += clip[k];
            }
            parts.add(noisy);
            turns.add(new Turn(
                    u.language(),
                    at / (double) RATE,
                    (at + clip.length) / (double) RATE,
                    u.file().getFileName().toString()));
            at += clip.length;
            int gap = (int) ((minGap + random.nextDouble() * (maxGap - minGap)) * RATE);
            parts.add(noise(random, gap));
            at += gap;
        }
        float[] all = new float[at];
        int pos = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, pos, p.length);
            pos += p.length;
        }
        Path file = WavFiles.write(dir.resolve("two-languages-" + name + ".wav"), all, RATE);
        return new Recording(file, turns, at / (double) RATE);
    }

    private static float[] noise(Random random, int samples) {
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (random.nextGaussian() * NOISE);
        }
        return out;
    }

    private JsonNode transcribe(Http api, Recording recording, String language) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", recording.file());
        fields.put("model", "whisper-base");
        fields.put("itn", "false");
        fields.put("priority", "100");
        if (language != null) {
            fields.put("language", language);
        }
        Http.Response submitted = api.postMultipart("/api/v1/jobs", fields, Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String id = submitted.json().path("id").asText();
        if ("WAITING_FOR_WINDOW".equals(submitted.json().path("status").asText())) {
            api.postJson("/api/v1/jobs/" + id + "/run-now", Map.of());
        }
        JsonNode job = await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> api.get("/api/v1/jobs/" + id).json(),
                        j -> j.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED"));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        return api.get("/api/v1/jobs/" + id + "/transcript?format=json").json();
    }

    /**
     * @param segments segments scored
     * @param correct those whose language is that of the clip they overlap most
     * @param unlabelled segments without a language
     * @param scriptMatches segments whose text is written in their clip's script (Han for zh, Latin for en)
     */
    record Score(int segments, int correct, int unlabelled, int scriptMatches, List<String> wrong) {
        double accuracy() {
            return segments == 0 ? 0 : correct / (double) segments;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segments", segments);
            m.put("correct", correct);
            m.put("accuracy", Math.round(accuracy() * 1000) / 1000.0);
            m.put("unlabelled", unlabelled);
            m.put("textInTheClipsScript", scriptMatches);
            m.put("wrong", wrong);
            return m;
        }
    }

    private static Score score(JsonNode transcript, List<Turn> turns) {
        return score(transcript, turns, null);
    }

    /** The default: no language per segment, so every segment gets the transcript's. */
    private static Score scoreAsOneLanguage(JsonNode transcript, List<Turn> turns) {
        return score(transcript, turns, transcript.path("language").asText());
    }

    private static Score score(JsonNode transcript, List<Turn> turns, String everySegment) {
        int segments = 0;
        int correct = 0;
        int unlabelled = 0;
        int script = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode s : transcript.path("segments")) {
            double start = s.path("start").asDouble();
            double end = s.path("end").asDouble();
            Turn turn = turns.stream()
                    .max(java.util.Comparator.comparingDouble(t -> overlap(t, start, end)))
                    .orElseThrow();
            String language = everySegment != null
                    ? everySegment
                    : s.path("language").isMissingNode()
                            ? null
                            : s.path("language").asText();
            String text = s.path("text").asText();
            segments++;
            if (language == null) {
                unlabelled++;
            }
            if (turn.language().equals(language)) {
                correct++;
            } else {
                wrong.add(String.format(
                        Locale.ROOT,
                        "%.2f-%.2f %s (clip %s %s): %s",
                        start,
                        end,
                        language,
                        turn.file(),
                        turn.language(),
                        text));
            }
            boolean han = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (han == turn.language().equals("zh")) {
                script++;
            }
        }
        return new Score(segments, correct, unlabelled, script, wrong);
    }

    private static double overlap(Turn t, double start, double end) {
        return Math.min(t.end(), end) - Math.max(t.start(), start);
    }
}
