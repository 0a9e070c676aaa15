package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestDatabaseConfiguration;
import io.greenscribe.testing.WavFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible endpoints as OpenAI's own Python client sees them: the pinned client
 * (bench/openai-client/requirements.txt, installed by .ci/openai-client.sh into bench/.venv-openai)
 * runs bench/openai-client/client_test.py against this server on a loopback port. Without that
 * venv the test is skipped, and says how to create it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "greenscribe.queue.poll-interval=100ms",
            "greenscribe.queue.concurrent-jobs=2",
            "greenscribe.jobs.max-upload-size=5MB"
        })
@Import(TestDatabaseConfiguration.class)
class OpenAiClientIntegrationTests {

    private static final Path PYTHON = Path.of("bench/.venv-openai/bin/python");
    private static final Path SCRIPT = Path.of("bench/openai-client/client_test.py");

    @LocalServerPort
    int port;

    @BeforeAll
    static void clientAndModels() {
        Assumptions.assumeTrue(
                Files.isExecutable(PYTHON), "no OpenAI client venv: run bash .ci/openai-client.sh to create it");
        Models.require("whisper-tiny.en");
        Models.require("whisper-base");
        Models.require("speaker-encoder");
    }

    @Test
    void theOpenAiPythonClientGetsEveryFormatTranslationsAndOpenAiErrors(@TempDir Path tmp) throws Exception {
        SharedData.Utterance english = SharedData.manifest("en-short").get(0);
        SharedData.Utterance mandarin = SharedData.manifest("zh-short").get(0);
        // two speakers, as DiarizationIntegrationTests builds them: LibriSpeech 1272, then CMU ARCTIC aew
        Path meeting = tmp.resolve("meeting.wav");
        double change = WavFiles.joined(
                meeting,
                SharedData.speech("en-short/audio/1272-128104-0000.wav"),
                SharedData.speech("en-short/audio/arctic_aew_a0001.wav"),
                SharedData.speech("en-short/audio/arctic_aew_a0002.wav"));
        Path results = Path.of("target/openai-client/results.json").toAbsolutePath();
        Files.deleteIfExists(results);
        Path log = Path.of("target/openai-client/client.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                PYTHON.toString(),
                SCRIPT.toString(),
                "--base-url",
                "http://127.0.0.1:" + port + "/v1",
                "--api-key",
                "gs_test_admin_key",
                "--english",
                english.file().toString(),
                "--english-text",
                english.reference(),
                "--mandarin",
                mandarin.file().toString(),
                "--english-model",
                "whisper-tiny.en",
                "--multilingual-model",
                "whisper-base",
                "--meeting",
                meeting.toString(),
                "--meeting-change",
                String.valueOf(change),
                "--results",
                results.toString()));
        Process client = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // bounded: about twenty short requests; the slowest are whisper-base on a 4 s clip and the
        // diarized 14 s meeting
        boolean done = client.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            client.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(done).as("the client finished in 10 minutes:%n%s", output).isTrue();
        assertThat(results).as(output).exists();
        JsonNode report = JsonMapper.builder().build().readTree(results.toFile());
        List<String> failed = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (JsonNode check : report.path("checks")) {
            (check.path("ok").asBoolean() ? passed : failed)
                    .add(check.path("name").asText() + ": "
                            + check.path("detail").asText());
        }
        assertThat(failed).as("failed checks (client log: %s)", log).isEmpty();
        assertThat(passed)
                .extracting(s -> s.substring(0, s.indexOf(':')))
                .contains(
                        "json",
                        "text",
                        "srt",
                        "vtt",
                        "verbose_json with words and segments",
                        "translation",
                        "translation with an English-only model is a 400",
                        "diarized_json has segments with speakers",
                        "error shape, a bad response_format names its param");
        assertThat(client.exitValue()).as(output).isZero();
        assertThat(report.path("openai").asText()).isNotBlank();
    }
}
