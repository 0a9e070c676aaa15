package io.greenscribe.vad.silero;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.audio.PcmAudio;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.vad.VadOptions;
import io.greenscribe.vad.VoiceActivityDetector;
import io.greenscribe.vad.VoiceActivityDetectorContractTests;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Needs {@code models/silero-vad/silero_vad.jit}: {@code python3 models/fetch.py silero-vad}. */
class SileroVoiceActivityDetectorTests extends VoiceActivityDetectorContractTests {

    @Override
    protected VoiceActivityDetector createDetector(VadOptions options) {
        return new SileroVoiceActivityDetector(options);
    }

    @Test
    void namesTheFetchCommandWhenTheModelIsMissing() {
        Path missing = Path.of("models", "no-such-model", "silero_vad.jit");

        assertThatThrownBy(() -> new SileroVoiceActivityDetector(missing, VadOptions.defaults()))
                .isInstanceOf(GreenScribeException.class)
                .hasMessageContaining("python3 models/fetch.py silero-vad")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void stopsWhenTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> detector.detect(new PcmAudio(new float[16_000])))
                    .isInstanceOf(GreenScribeException.class)
                    .hasMessageContaining("interrupted");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void refusesWorkAfterClose() {
        var closing = new SileroVoiceActivityDetector(VadOptions.defaults());
        closing.close();

        assertThatThrownBy(() -> closing.detect(new PcmAudio(new float[16_000])))
                .isInstanceOf(IllegalStateException.class);
    }
}
