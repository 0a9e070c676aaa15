package io.greenscribe.asr.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;

/**
 * The Whisper transformer written with DJL NDArray operations on the PyTorch engine.
 *
 * <p>We write the forward pass instead of exporting TorchScript because the registry packages ship
 * CTranslate2 weights and no PyTorch checkpoint, and exporting would need the 2 GB PyTorch wheel at
 * fetch time; the operations are the same kernels (MKL/cuBLAS matmul, fused layer norm) either way.
 * Callers wrap each call in an {@link ai.djl.ndarray.NDScope} so intermediates are freed at once.
 */
final class WhisperNetwork {

    private static final float LAYER_NORM_EPS = 1e-5f;

    /** Scores (floats) computed at once in encoder attention, per window: 2.25 M floats = 9 MB. */
    private static final long ENCODER_SCORE_BUDGET = 2_250_000;

    private final Ct2Weights weights;
    private final WhisperDimensions dims;
    private final float attentionScale;

    WhisperNetwork(Ct2Weights weights) {
        this.weights = weights;
        this.dims = WhisperDimensions.of(weights);
        this.attentionScale = (float) (1.0 / Math.sqrt(dims.headWidth()));
    }

    WhisperDimensions dimensions() {
        return dims;
    }

    /**
     * Log-mel batch [B, mels, 3000] → encoder states [B, 1500, width], one window at a time: the
     * encoder's matmuls are already large enough to run near peak for a single window (measured: no
     * faster per window at 4 than at 1), and its activations (about 70 MB per window for tiny) then
     * stay one window's worth instead of the batch's. Batching pays off in the decoder.
     */
    NDArray encode(NDArray mel) {
        long windows = mel.getShape().get(0);
        if (windows == 1) {
            return encodeWindows(mel);
        }
        NDList states = new NDList();
        for (long w = 0; w < windows; w++) {
            NDIndex one = new NDIndex("{}:{}", w, w + 1);
            states.add(scoped(() -> encodeWindows(mel.get(one))));
        }
        return NDArrays.concat(states, 0);
    }

    private NDArray encodeWindows(NDArray mel) {
        NDArray x = conv(mel, "encoder/conv1", 1);
        x = conv(x, "encoder/conv2", 2);
        // dense copy first: added to a transposed view, the result keeps the view's strides and every
        // layer norm and residual add after it would copy the whole sequence again
        x = contiguous(x.transpose(0, 2, 1)).add(weights.tensor("encoder/position_encodings/encodings"));
        for (int layer = 0; layer < dims.encoderLayers(); layer++) {
            NDArray input = x;
            int index = layer;
            x = scoped(() -> encoderLayer(input, "encoder/layer_" + index));
        }
        return norm(x, "encoder/layer_norm");
    }

    private NDArray encoderLayer(NDArray x, String p) {
        NDArray h = norm(x, p + "/self_attention/layer_norm");
        NDList qkv = linear(h, p + "/self_attention/linear_0").split(3, 2);
        NDArray attended = attendInBlocks(heads(qkv.get(0)), heads(qkv.get(1)), heads(qkv.get(2)));
        NDArray y = x.add(linear(merge(attended), p + "/self_attention/linear_1"));
        return y.add(feedForward(y, p));
    }

    /**
     * Runs {@code step} in a scope of its own so its intermediates are freed as soon as it returns;
     * the result moves to the caller's scope. Without this a 4-window tiny encoder held every
     * layer's attention scores at once: 3 GB peak instead of 0.6 GB.
     */
    private static NDArray scoped(java.util.function.Supplier<NDArray> step) {
        NDArray result;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            result = step.get();
            NDScope.unregister(result);
        }
        NDScope.register(result);
        return result;
    }

    /** Per-layer cross-attention keys and values, computed once per batch of windows. */
    DecoderState startDecoding(NDArray encoded) {
        NDArray[] keys = new NDArray[dims.decoderLayers()];
        NDArray[] values = new NDArray[dims.decoderLayers()];
        for (int layer = 0; layer < dims.decoderLayers(); layer++) {
            NDList kv = linear(encoded, "decoder/layer_" + layer + "/attention/linear_1")
                    .split(2, 2);
            // laid out once as the per-step matmuls want them, so no step copies 1500 frames again
            keys[layer] = contiguous(heads(kv.get(0)).transpose(0, 1, 3, 2));
            values[layer] = contiguous(heads(kv.get(1)));
        }
        return new DecoderState(keys, values);
    }

    /**
     * Runs the decoder over new tokens [B, T] (int64), appending to the self-attention cache, and
     * returns the final hidden states [B, T, width].
     */
    NDArray decode(NDArray tokens, DecoderState state) {
        return decode(tokens, state, null);
    }

    /** Receives each layer's cross-attention scores [B, heads, T, 1500] (scaled, before softmax). */
    interface CrossAttentionSink {
        void accept(int layer, NDArray scores);
    }

    /** As {@link #decode(NDArray, DecoderState)}, handing cross-attention scores to {@code sink}. */
    NDArray decode(NDArray tokens, DecoderState state, CrossAttentionSink sink) {
        long batch = tokens.getShape().get(0);
        long length = tokens.getShape().get(1);
        int offset = state.length();
        NDArray embedded = weights.tensor("decoder/embeddings/weight")
                .get(new NDIndex("{}", tokens.flatten()))
                .reshape(batch, length, dims.modelWidth());
        NDArray positions = weights.tensor("decoder/position_encodings/encodings")
                .get(new NDIndex("{}:{}", offset, offset + length));
        NDArray x = embedded.add(positions);
        NDArray mask = length > 1 ? causalMask(tokens.getManager(), (int) length, offset) : null;
        for (int layer = 0; layer < dims.decoderLayers(); layer++) {
            String p = "decoder/layer_" + layer;
            NDArray h = norm(x, p + "/self_attention/layer_norm");
            NDList qkv = linear(h, p + "/self_attention/linear_0").split(3, 2);
            NDArray k = state.appendKeys(layer, heads(qkv.get(1)));
            NDArray v = state.appendValues(layer, heads(qkv.get(2)));
            NDArray self = attend(heads(qkv.get(0)), k, v, mask);
            x = x.add(linear(merge(self), p + "/self_attention/linear_1"));

            h = norm(x, p + "/attention/layer_norm");
            NDArray q = heads(linear(h, p + "/attention/linear_0"));
            NDArray cross;
            if (sink == null) {
                cross = attendTransposed(q, state.crossKeys(layer), state.crossValues(layer));
            } else {
                NDArray scores = q.mul(attentionScale).matMul(state.crossKeys(layer));
                sink.accept(layer, scores);
                cross = scores.softmax(-1).matMul(state.crossValues(layer));
            }
            x = x.add(linear(merge(cross), p + "/attention/linear_2"));
            x = x.add(feedForward(x, p));
        }
        state.advance((int) length);
        return norm(x, "decoder/layer_norm");
    }

    /**
     * Vocabulary logits [B, V] for hidden states [B, width]: the output layer shares the embedding.
     *
     * <p>Computed as embedding × hiddenᵀ and transposed back: the same product, but the [V, width]
     * embedding is then streamed row by row as the GEMM's left operand. Measured on 2 cores for tiny
     * (51 864 × 384): 4.4 ms for 2 or 4 rows against 13–22 ms for hidden × embeddingᵀ, which BLAS
     * runs as a strided, memory-bound product. A single row goes through the same path duplicated,
     * because the matrix-vector product runs at 9 ms where two rows take 4.4.
     */
    NDArray logits(NDArray hidden) {
        NDArray embedding = weights.tensor("decoder/embeddings/weight");
        if (hidden.getShape().get(0) == 1) {
            NDArray twice = embedding.matMul(
                    NDArrays.concat(new NDList(hidden, hidden), 0).transpose());
            return twice.get(new NDIndex(":, 0:1")).transpose();
        }
        return embedding.matMul(hidden.transpose()).transpose();
    }

    private NDArray feedForward(NDArray x, String prefix) {
        NDArray h = norm(x, prefix + "/ffn/layer_norm");
        return linear(Activation.gelu(linear(h, prefix + "/ffn/linear_0")), prefix + "/ffn/linear_1");
    }

    /** Scaling the small query instead of the scores saves one pass over the largest tensor. */
    private NDArray attend(NDArray q, NDArray k, NDArray v, NDArray mask) {
        NDArray scores = q.mul(attentionScale).matMul(k.transpose(0, 1, 3, 2));
        if (mask != null) {
            scores = scores.add(mask);
        }
        return scores.softmax(-1).matMul(v);
    }

    /**
     * Encoder self-attention over 1500 frames, one window and a block of queries at a time: the
     * scores of one block stay cache-sized instead of a [B, heads, 1500, 1500] tensor of hundreds of
     * megabytes written and read three times, and each block's matmuls keep enough rows (about 250
     * per head) to run near the GEMM's peak. Measured on 2 cores: 115 GFLOP/s for 250-row blocks
     * against 58 for the whole matrix and 90 for 55-row blocks.
     */
    private NDArray attendInBlocks(NDArray q, NDArray k, NDArray v) {
        long windows = q.getShape().get(0);
        long frames = q.getShape().get(2);
        long block = Math.max(1, ENCODER_SCORE_BUDGET / (dims.heads() * frames));
        NDList perWindow = new NDList();
        for (long w = 0; w < windows; w++) {
            NDIndex window = new NDIndex("{}", w);
            NDArray keysT = contiguous(k.get(window).transpose(0, 2, 1));
            NDArray values = contiguous(v.get(window));
            NDArray scaled = q.get(window).mul(attentionScale);
            if (block >= frames) {
                perWindow.add(scaled.matMul(keysT).softmax(-1).matMul(values));
                continue;
            }
            NDList parts = new NDList();
            for (long from = 0; from < frames; from += block) {
                NDIndex rows = new NDIndex(":, {}:{}, :", from, Math.min(frames, from + block));
                parts.add(
                        scoped(() -> scaled.get(rows).matMul(keysT).softmax(-1).matMul(values)));
            }
            perWindow.add(NDArrays.concat(parts, 1));
        }
        return NDArrays.stack(perWindow);
    }

    /** Attention with keys already transposed to [B, heads, headWidth, frames]. */
    private NDArray attendTransposed(NDArray q, NDArray keysT, NDArray v) {
        return q.mul(attentionScale).matMul(keysT).softmax(-1).matMul(v);
    }

    /** Flattening a strided view makes PyTorch copy it into one dense block (DJL has no contiguous()). */
    private static NDArray contiguous(NDArray x) {
        return x.flatten().reshape(x.getShape());
    }

    /** [B, T, width] → [B, heads, T, headWidth]. */
    private NDArray heads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), dims.heads(), dims.headWidth()).transpose(0, 2, 1, 3);
    }

    /** [B, heads, T, headWidth] → [B, T, width]. */
    private NDArray merge(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), dims.modelWidth());
    }

    private NDArray linear(NDArray x, String prefix) {
        NDArray bias = weights.has(prefix + "/bias") ? weights.tensor(prefix + "/bias") : null;
        return Linear.linear(x, weights.tensor(prefix + "/weight"), bias).singletonOrThrow();
    }

    private NDArray norm(NDArray x, String prefix) {
        return LayerNorm.layerNorm(
                        x,
                        new Shape(dims.modelWidth()),
                        weights.tensor(prefix + "/gamma"),
                        weights.tensor(prefix + "/beta"),
                        LAYER_NORM_EPS)
                .singletonOrThrow();
    }

    private NDArray conv(NDArray x, String prefix, int stride) {
        NDArray out = Conv1d.conv1d(
                        x,
                        weights.tensor(prefix + "/weight"),
                        weights.tensor(prefix + "/bias"),
                        new Shape(stride),
                        new Shape(1),
                        new Shape(1))
                .singletonOrThrow();
        return Activation.gelu(out);
    }

    private static NDArray causalMask(NDManager manager, int length, int offset) {
        float[] mask = new float[length * (offset + length)];
        for (int i = 0; i < length; i++) {
            for (int j = offset + i + 1; j < offset + length; j++) {
                mask[i * (offset + length) + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return manager.create(mask, new Shape(length, offset + length));
    }
}
