package io.greenscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscribe.testing.Models;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscribeCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void models() {
        Models.require("whisper-tiny.en");
        Models.require("silero-vad");
    }

    @Test
    void transcribesTheDemoSampleAsSubtitles() {
        int code = run("--threads", "2", "--format", "srt", "docs/sample/jfk.mp3");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("1\n00:00:00,000 --> ")
                .containsIgnoringCase("ask not what your country can do for you");
    }

    @Test
    void jsonLinesCarryTimingsForTheBenchmark() throws IOException {
        int code = run("--format", "jsonl", "--vad", "energy", "docs/sample/jfk.mp3");

        assertThat(code).as(err.toString()).isZero();
        JsonNode line =
                new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(line.path("audio_seconds").asDouble()).isBetween(10.9, 11.1);
        assertThat(line.path("wall_seconds").asDouble()).isPositive();
        assertThat(line.path("text").asText()).containsIgnoringCase("fellow Americans");
    }

    @Test
    void aBadFileFailsClearlyAndTheOthersStillRun(@TempDir Path dir) throws IOException {
        Path notAudio = Files.writeString(dir.resolve("notes.wav"), "this is not audio");

        int code = run("--format", "txt", notAudio.toString(), "docs/sample/jfk.mp3");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("notes.wav");
        assertThat(out.toString(StandardCharsets.UTF_8)).containsIgnoringCase("fellow Americans");
    }

    @Test
    void unknownOptionsAndMissingModelsAreExplained() {
        assertThat(run("--colour", "red", "x.wav")).isEqualTo(1);
        assertThat(err.toString()).contains("unknown option --colour");

        err.reset();
        assertThat(run("--model", "whisper-huge", "docs/sample/jfk.mp3")).isEqualTo(1);
        assertThat(err.toString()).contains("python3 models/fetch.py whisper-huge");
    }

    @Test
    void aTruncatedFileIsTranscribedAsFarAsItGoesWithAWarning(@TempDir Path dir) throws IOException {
        // given the first 40 % of the bytes of a 9.7 s FLAC clip
        byte[] whole = Files.readAllBytes(Path.of("../shared/data/speech/en-short/audio/LJ001-0001.flac"));
        Path cut = Files.write(dir.resolve("cut.flac"), java.util.Arrays.copyOf(whole, whole.length * 4 / 10));

        // when
        int code = run("--format", "jsonl", "--vad", "energy", cut.toString());

        // then it finishes, and says how much of the declared audio it read
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString())
                .containsPattern("warning: .*cut\\.flac: decoded [0-9.]+ s; the container declares 9\\.7 s");
        JsonNode line =
                new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(line.path("warning").asText()).contains("the container declares 9.7 s");
        assertThat(line.path("audio_seconds").asDouble()).isLessThan(6);
    }

    @Test
    void helpListsEveryOption() {
        assertThat(run("--help")).isZero();

        assertThat(err.toString()).contains("--temperatures", "--vad", "--word-timestamps");
    }

    private int run(String... args) {
        return TranscribeCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
