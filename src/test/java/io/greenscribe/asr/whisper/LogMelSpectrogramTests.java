package io.greenscribe.asr.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.greenscribe.audio.PcmAudio;
import io.greenscribe.audio.ffmpeg.FfmpegAudioDecoder;
import io.greenscribe.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogMelSpectrogramTests {

    @Test
    void featuresMatchFasterWhisperOnRealSpeech() throws IOException {
        // given real speech and faster-whisper's features for it (see the resource's header)
        PcmAudio audio = new FfmpegAudioDecoder().decode(SharedData.speech("en-short/audio/1272-128104-0000.wav"));
        List<String> rows = Files.readAllLines(Path.of("src/test/resources/asr/logmel-1272-128104-0000.tsv")).stream()
                .filter(l -> !l.startsWith("#"))
                .toList();

        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                LogMelSpectrogram mel = new LogMelSpectrogram(manager, 80)) {
            // when
            NDArray features = mel.compute(manager, new float[][] {audio.samples()});
            float[] flat = features.toFloatArray();

            // then
            assertThat(features.getShape().getShape()).containsExactly(1, 80, 3000);
            double worst = 0;
            for (String row : rows) {
                String[] cols = row.split("\t");
                int frame = Integer.parseInt(cols[0]);
                for (int m = 0; m < 80; m++) {
                    double expected = Double.parseDouble(cols[m + 1]);
                    worst = Math.max(worst, Math.abs(flat[m * 3000 + frame] - expected));
                }
            }
            assertThat(worst).as("largest difference from faster-whisper").isLessThan(2e-3);
        }
    }

    @Test
    void silenceMapsToTheFloorValue() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                LogMelSpectrogram mel = new LogMelSpectrogram(manager, 80)) {
            float[] flat =
                    mel.compute(manager, new float[][] {new float[16000]}).toFloatArray();
            // log10(1e-10) = -10, rescaled: (-10 + 4) / 4
            assertThat(flat).containsOnly(-1.5f);
        }
    }
}
