package io.greenscribe.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.greenscribe.audio.ffmpeg.FfmpegAudioDecoder;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.MutableClock;
import io.greenscribe.testing.SharedData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpeechModelsTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

    @BeforeAll
    static void models() {
        Models.require("whisper-tiny.en");
    }

    @Test
    void loadsOnFirstUseAndUnloadGivesTheMemoryBack() {
        try (SpeechModels models = new SpeechModels(Models.root(), Device.cpu(), 4, Duration.ofMinutes(10), clock)) {
            // given a recognizer handed out but not used yet
            SpeechRecognizer recognizer = models.recognizer("whisper-tiny.en");
            assertThat(models.status().loaded()).isEmpty();

            // when it recognizes speech
            List<AudioWindow> windows = List.of(new AudioWindow(
                    0,
                    new FfmpegAudioDecoder()
                            .decode(SharedData.speech("en-short/audio/1272-128104-0000.wav"))
                            .samples(),
                    0));
            assertThat(recognizer
                            .recognize(windows, RecognitionOptions.defaults())
                            .get(0)
                            .text())
                    .contains("Quilter");
            long loadedBytes = DeviceMemory.residentBytes();

            // then it shows as loaded, and unloading it returns at least half of its weights' 151 MB
            assertThat(models.status().loaded())
                    .extracting(ModelStatus.Loaded::name)
                    .containsExactly("whisper-tiny.en");
            assertThat(models.unload("whisper-tiny.en")).isTrue();
            long released = loadedBytes - DeviceMemory.residentBytes();
            System.out.printf("unloading whisper-tiny.en released %d MiB of resident memory%n", released >> 20);
            assertThat(models.status().loaded()).isEmpty();
            assertThat(released).isGreaterThan(75L << 20);

            // and the next use loads it again
            assertThat(recognizer
                            .recognize(windows, RecognitionOptions.defaults())
                            .get(0)
                            .text())
                    .contains("Quilter");
        }
    }

    @Test
    void idleModelsAreUnloadedAfterTheTimeout() {
        try (SpeechModels models = new SpeechModels(Models.root(), Device.cpu(), 4, Duration.ofMinutes(10), clock)) {
            models.recognizer("whisper-tiny.en")
                    .recognize(List.of(new AudioWindow(0, loud(), 0)), RecognitionOptions.defaults());

            clock.advance(Duration.ofMinutes(9));
            assertThat(models.unloadIdle()).isZero();

            clock.advance(Duration.ofMinutes(2));
            assertThat(models.unloadIdle()).isEqualTo(1);
            assertThat(models.status().loaded()).isEmpty();
        }
    }

    @Test
    void missingOrHostileModelNamesAreRefused() {
        try (SpeechModels models = new SpeechModels(Models.root(), Device.cpu(), 4, Duration.ofMinutes(10), clock)) {
            assertThatThrownBy(() -> models.recognizer("whisper-large-v9"))
                    .isInstanceOf(ModelNotFoundException.class)
                    .hasMessageContaining("python3 models/fetch.py whisper-large-v9");
            assertThatThrownBy(() -> models.recognizer("../../etc"))
                    .isInstanceOf(ModelNotFoundException.class)
                    .hasMessageContaining("invalid model name");
            assertThat(models.installed()).contains("whisper-tiny.en");
        }
    }

    private static float[] loud() {
        float[] s = new float[16_000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.sin(i * 0.1) * 0.3f;
        }
        return s;
    }
}
