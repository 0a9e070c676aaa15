package io.greenscribe.diarization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java front end and encoder against Resemblyzer's Python computation of the same 3 s of
 * CMU ARCTIC speech ({@code arctic_aew_a0001-3s.json}: librosa 0.11's melspectrogram with
 * Resemblyzer's hparams, its partial slicing and averaging, and its LSTM written out in numpy
 * float64 over the converted weights). Needs {@code python3 models/fetch.py speaker-encoder}.
 */
class SpeakerEncoderTests {

    private static NDManager manager;
    private static SpeakerEncoder encoder;
    private static MelFrames mel;
    private static JsonNode reference;
    private static float[] audio;

    @BeforeAll
    static void load() throws IOException {
        manager = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch");
        encoder = SpeakerEncoder.load(manager, Path.of("models", SpeakerEncoder.MODEL));
        mel = new MelFrames(manager);
        try (InputStream json = SpeakerEncoderTests.class.getResourceAsStream("arctic_aew_a0001-3s.json");
                InputStream pcm = SpeakerEncoderTests.class.getResourceAsStream("arctic_aew_a0001-3s.s16")) {
            reference = new ObjectMapper().readTree(json);
            ByteBuffer bytes = ByteBuffer.wrap(pcm.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            audio = new float[bytes.remaining() / 2];
            for (int i = 0; i < audio.length; i++) {
                audio[i] = bytes.getShort() / 32768f;
            }
        }
    }

    @AfterAll
    static void close() {
        mel.close();
        encoder.close();
        manager.close();
    }

    @Test
    void melFramesMatchLibrosa() {
        float[] padded = padded();
        float[][] frames = mel.compute(manager, padded);
        assertThat(frames).hasNumberOfRows(reference.get("melFrames").asInt());
        reference.get("mel").fields().forEachRemaining(e -> {
            float[] actual = frames[Integer.parseInt(e.getKey())];
            for (int b = 0; b < MelFrames.MEL_BANDS; b++) {
                double expected = e.getValue().get(b).asDouble();
                assertThat((double) actual[b])
                        .as("frame %s band %d", e.getKey(), b)
                        .isCloseTo(expected, within(1e-4 + 1e-3 * Math.abs(expected)));
            }
        });
    }

    @Test
    void embeddingsMatchResemblyzer() {
        float[][] frames = mel.compute(manager, padded());
        JsonNode slices = reference.get("partials");
        int n = slices.size();
        float[] partials = new float[n * SpeakerEncoder.PARTIAL_FRAMES * MelFrames.MEL_BANDS];
        for (int p = 0; p < n; p++) {
            int start = slices.get(p).get(0).asInt();
            for (int f = 0; f < SpeakerEncoder.PARTIAL_FRAMES; f++) {
                System.arraycopy(
                        frames[start + f],
                        0,
                        partials,
                        (p * SpeakerEncoder.PARTIAL_FRAMES + f) * MelFrames.MEL_BANDS,
                        MelFrames.MEL_BANDS);
            }
        }
        float[][] embeddings = encoder.embed(partials, n);
        float[] mean = new float[SpeakerEncoder.HIDDEN];
        for (int p = 0; p < n; p++) {
            float[] expected = toArray(reference.get("partialEmbeddings").get(p));
            assertThat(Embeddings.cosine(embeddings[p], expected))
                    .as("partial %d", p)
                    .isGreaterThan(0.9999);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += embeddings[p][i] / n;
            }
        }
        assertThat(Embeddings.cosine(mean, toArray(reference.get("embedding")))).isGreaterThan(0.9999);
    }

    /** Volume-normalised and zero-padded to the last partial, as embed_utterance pads. */
    private static float[] padded() {
        float[] normalized = Embeddings.normalizeVolume(audio);
        JsonNode slices = reference.get("partials");
        int end = slices.get(slices.size() - 1).get(1).asInt() * MelFrames.HOP;
        return java.util.Arrays.copyOf(normalized, Math.max(end, normalized.length));
    }

    private static float[] toArray(JsonNode values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).asDouble();
        }
        return out;
    }
}
