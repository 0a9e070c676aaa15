package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenscribe.testing.Http;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import io.greenscribe.testing.WavFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * A two-speaker recording through the REST API with {@code diarize=true}: the real pipeline, the
 * real encoder, speakers in the stored transcript and its formats; and the counts refused.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"greenscribe.queue.poll-interval=100ms"})
@Import(TestDatabaseConfiguration.class)
class DiarizationIntegrationTests {

    @LocalServerPort
    int port;

    Http api;

    @BeforeAll
    static void modelsAreThere() {
        Models.require("whisper-tiny.en");
        Models.require("speaker-encoder");
    }

    @BeforeEach
    void client() {
        api = new Http("http://localhost:" + port, JobApiIntegrationTests.ADMIN_KEY);
    }

    @Test
    void aTwoSpeakerRecordingComesBackWithEachWordOnItsSpeaker(@TempDir Path tmp) throws Exception {
        // given LibriSpeech 1272 (5.9 s), a pause, then CMU ARCTIC aew (7.9 s)
        Path first = SharedData.speech("en-short/audio/1272-128104-0000.wav");
        Path meeting = tmp.resolve("meeting.wav");
        double change = WavFiles.joined(
                meeting,
                first,
                SharedData.speech("en-short/audio/arctic_aew_a0001.wav"),
                SharedData.speech("en-short/audio/arctic_aew_a0002.wav"));

        // when it is transcribed with two speakers
        Http.Response submitted = api.postMultipart(
                "/api/v1/jobs", Map.of("file", meeting, "diarize", "true", "speakers", "2"), Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String location = submitted.header("Location");
        JsonNode job = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get(location).json(), j -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
                        .contains(j.path("status").asText()));

        // then the job succeeded with its options on view
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("options").path("diarize").asBoolean()).isTrue();
        assertThat(job.path("options").path("speakers").asInt()).isEqualTo(2);

        // and every timed word has a speaker: the first before the change, the second after it
        JsonNode transcript = api.get(location + "/transcript?format=json").json();
        int words = 0;
        int right = 0;
        for (JsonNode segment : transcript.path("segments")) {
            assertThat(segment.has("speaker")).as(segment.toString()).isTrue();
            for (JsonNode word : segment.path("words")) {
                words++;
                double mid = (word.path("start").asDouble() + word.path("end").asDouble()) / 2;
                int expected = mid < change ? 1 : 2;
                right += word.path("speaker").asInt() == expected ? 1 : 0;
                assertThat(word.path("speaker").asInt())
                        .isEqualTo(segment.path("speaker").asInt());
            }
        }
        assertThat(words).isGreaterThan(15);
        assertThat(right)
                .as("%d of %d words on the right speaker", right, words)
                .isGreaterThanOrEqualTo(words * 9 / 10);

        // and the subtitle and text formats name them
        assertThat(api.get(location + "/transcript?format=vtt").body())
                .contains("<v Speaker 1>")
                .contains("<v Speaker 2>");
        assertThat(api.get(location + "/transcript?format=srt").body()).contains("Speaker 2: ");
        assertThat(api.get(location + "/transcript?format=txt").body()).startsWith("Speaker 1:\n");
    }

    @Test
    void impossibleSpeakerCountsAre400s() {
        byte[] audio = new byte[32_000];
        for (Map<String, Object> fields : List.<Map<String, Object>>of(
                Map.of("file", audio, "diarize", "true", "speakers", "0"),
                Map.of("file", audio, "diarize", "true", "maxSpeakers", "21"),
                Map.of("file", audio, "diarize", "true", "minSpeakers", "4", "maxSpeakers", "2"),
                Map.of("file", audio, "speakers", "2"))) {
            Http.Response refused = api.postMultipart("/api/v1/jobs", fields, Map.of());
            assertThat(refused.status())
                    .as(fields.keySet() + " " + refused.body())
                    .isEqualTo(400);
            assertThat(refused.body()).containsAnyOf("between 1 and 20", "above maxSpeakers", "need diarize=true");
        }
    }
}
