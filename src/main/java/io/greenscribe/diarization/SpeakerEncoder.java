package io.greenscribe.diarization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resemblyzer's GE2E speaker encoder on the PyTorch engine: a 3-layer LSTM (hidden 256) over
 * 160-frame mel partials, the last layer's final hidden state through linear 256→256 and ReLU,
 * L2-normalised. The weights are the float32 tensors {@code models/fetch.py speaker-encoder}
 * converts from the wheel's checkpoint, in PyTorch's own LSTM layout, so the engine's fused LSTM
 * operator takes them as they are.
 */
final class SpeakerEncoder implements AutoCloseable {

    static final int PARTIAL_FRAMES = 160;
    static final int HIDDEN = 256;
    static final int LAYERS = 3;
    static final String MODEL = "speaker-encoder";

    private final NDManager manager;
    private final NDList lstm;
    private final NDArray linearWeight;
    private final NDArray linearBias;

    private SpeakerEncoder(NDManager manager, Map<String, NDArray> tensors) {
        this.manager = manager;
        this.lstm = new NDList();
        for (int layer = 0; layer < LAYERS; layer++) {
            for (String name : List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh")) {
                lstm.add(require(tensors, "lstm." + name + "_l" + layer));
            }
        }
        linearWeight = require(tensors, "linear.weight");
        linearBias = require(tensors, "linear.bias");
    }

    /** Loads {@code encoder.json} and {@code encoder.f32} from the model directory. */
    static SpeakerEncoder load(NDManager manager, Path directory) {
        try {
            JsonNode index = new ObjectMapper().readTree(Files.readString(directory.resolve("encoder.json")));
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(
                            directory.resolve(index.get("file").asText())))
                    .order(ByteOrder.LITTLE_ENDIAN);
            float[] all = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(all);
            if (all.length != index.get("floats").asInt()) {
                throw new IllegalStateException("Speaker encoder weights hold " + all.length
                        + " floats, the index says " + index.get("floats"));
            }
            Map<String, NDArray> tensors = new HashMap<>();
            for (JsonNode t : index.get("tensors")) {
                long[] shape = new long[t.get("shape").size()];
                long count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = t.get("shape").get(i).asLong();
                    count *= shape[i];
                }
                int offset = t.get("offset").asInt();
                float[] values = java.util.Arrays.copyOfRange(all, offset, (int) (offset + count));
                tensors.put(t.get("name").asText(), manager.create(values, new Shape(shape)));
            }
            return new SpeakerEncoder(manager, tensors);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Speaker encoder weights missing in " + directory + " (run: python3 models/fetch.py " + MODEL + ")",
                    e);
        }
    }

    /**
     * Embeddings [n][256] of {@code n} partials of {@link #PARTIAL_FRAMES} mel frames each, given
     * flattened as [n × 160 × 40].
     */
    float[][] embed(float[] partials, int n) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray input = scope.create(partials, new Shape(n, PARTIAL_FRAMES, MelFrames.MEL_BANDS));
            NDArray zeros = scope.zeros(new Shape(LAYERS, n, HIDDEN));
            NDList out = input.getNDArrayInternal()
                    .lstm(input, new NDList(zeros, zeros), lstm, true, LAYERS, 0.0, false, false, true);
            NDArray last = out.get(1).get(LAYERS - 1); // h_n of the top layer, [n, 256]
            NDArray raw = last.matMul(linearWeight.transpose()).add(linearBias).maximum(0f);
            NDArray norm = raw.norm(new int[] {1}, true).maximum(1e-12f);
            float[] flat = raw.div(norm).toFloatArray();
            float[][] embeddings = new float[n][HIDDEN];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * HIDDEN, embeddings[i], 0, HIDDEN);
            }
            return embeddings;
        }
    }

    private static NDArray require(Map<String, NDArray> tensors, String name) {
        NDArray t = tensors.get(name);
        if (t == null) {
            throw new IllegalStateException("Speaker encoder weights have no tensor " + name);
        }
        return t;
    }

    @Override
    public void close() {
        lstm.close();
        linearWeight.close();
        linearBias.close();
    }
}
