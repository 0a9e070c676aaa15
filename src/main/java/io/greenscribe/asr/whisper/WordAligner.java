package io.greenscribe.asr.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word timings for a decoded window, the way Whisper computes them: run the decoder once more over
 * the text tokens, take the cross-attention of the checkpoint's alignment heads (which track where
 * in the audio each token is read), and warp tokens onto 20 ms audio frames.
 */
final class WordAligner {

    private static final int MEDIAN_WIDTH = 7;
    private static final double SECONDS_PER_FRAME = 0.02;
    private static final Set<String> NO_SPACE_LANGUAGES = Set.of("zh", "ja", "th", "lo", "my", "yue");

    private final WhisperNetwork network;
    private final WhisperTokenizer tokenizer;
    private final int[][] heads;

    WordAligner(WhisperNetwork network, WhisperTokenizer tokenizer, int[][] alignmentHeads) {
        this.network = network;
        this.tokenizer = tokenizer;
        this.heads = alignmentHeads;
    }

    boolean available() {
        return heads.length > 0;
    }

    /**
     * @param encoded encoder states of this one window [1, 1500, width]
     * @param sot the start-of-transcript sequence the window was decoded with
     * @param text the window's text tokens (timestamps removed) and their log-probabilities
     * @param samples the window's length in samples
     */
    List<AlignedWord> align(
            NDArray encoded, int[] sot, List<Integer> text, List<Double> logProbs, int samples, String language) {
        if (text.isEmpty()) {
            return List.of();
        }
        int frames = Math.max(1, Math.min(WhisperDimensions.AUDIO_CONTEXT, samples / 320));
        long[] tokens = new long[sot.length + text.size() + 2];
        for (int i = 0; i < sot.length; i++) {
            tokens[i] = sot[i];
        }
        tokens[sot.length] = tokenizer.noTimestamps;
        for (int i = 0; i < text.size(); i++) {
            tokens[sot.length + 1 + i] = text.get(i);
        }
        tokens[tokens.length - 1] = tokenizer.endOfText;
        float[][] matrix = attentionMatrix(encoded, tokens, frames, sot.length);
        int[][] path = TimeWarp.path(negate(matrix));
        List<Double> jumpTimes = new ArrayList<>();
        int lastRow = -1;
        for (int[] step : path) {
            if (step[0] != lastRow) {
                jumpTimes.add(step[1] * SECONDS_PER_FRAME);
                lastRow = step[0];
            }
        }
        return words(text, logProbs, jumpTimes, language);
    }

    /** Mean over alignment heads of standardised, smoothed attention: rows = text tokens + end. */
    private float[][] attentionMatrix(NDArray encoded, long[] tokens, int frames, int sotLength) {
        Map<Integer, List<Integer>> headsByLayer = new HashMap<>();
        for (int[] h : heads) {
            headsByLayer.computeIfAbsent(h[0], k -> new ArrayList<>()).add(h[1]);
        }
        int rows = tokens.length - sotLength - 1;
        float[][] sum = new float[rows][frames];
        try (NDScope scope = new NDScope();
                DecoderState state = network.startDecoding(encoded)) {
            scope.suppressNotUsedWarning();
            NDArray input = encoded.getManager().create(new long[][] {tokens});
            network.decode(input, state, (layer, scores) -> {
                for (int head : headsByLayer.getOrDefault(layer, List.of())) {
                    NDArray h = scores.get(new NDIndex("0, {}, {}:{}, :{}", head, sotLength, sotLength + rows, frames))
                            .softmax(-1);
                    float[] flat = h.toFloatArray();
                    float[][] m = new float[rows][frames];
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(flat, r * frames, m[r], 0, frames);
                    }
                    TimeWarp.standardizeColumns(m);
                    for (int r = 0; r < rows; r++) {
                        float[] smooth = TimeWarp.medianFilter(m[r], MEDIAN_WIDTH);
                        for (int f = 0; f < frames; f++) {
                            sum[r][f] += smooth[f] / heads.length;
                        }
                    }
                }
            });
        }
        return sum;
    }

    /** Groups tokens into words (at spaces and punctuation, or per character for zh/ja/…). */
    private List<AlignedWord> words(
            List<Integer> text, List<Double> logProbs, List<Double> jumpTimes, String language) {
        boolean perCharacter = NO_SPACE_LANGUAGES.contains(language);
        List<AlignedWord> words = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.size(); i++) {
            pending.add(text.get(i));
            String piece = tokenizer.decode(pending);
            if (piece.contains("\ufffd") && i < text.size() - 1) {
                continue; // an incomplete UTF-8 sequence: the character continues in the next token
            }
            // punctuation without a space joins the word before it, as Whisper prints it
            boolean startsWord = perCharacter || piece.startsWith(" ") || words.isEmpty();
            if (startsWord) {
                words.add(new AlignedWord(piece, start, pending.size()));
            } else {
                AlignedWord last = words.remove(words.size() - 1);
                words.add(new AlignedWord(last.text() + piece, last.firstToken(), last.tokenCount() + pending.size()));
            }
            start = i + 1;
            pending.clear();
        }
        List<AlignedWord> timed = new ArrayList<>(words.size());
        for (AlignedWord w : words) {
            int end = w.firstToken() + w.tokenCount();
            double from = jumpTimes.get(Math.min(w.firstToken(), jumpTimes.size() - 1));
            double to = jumpTimes.get(Math.min(end, jumpTimes.size() - 1));
            double p = 0;
            for (int t = w.firstToken(); t < end; t++) {
                p += logProbs.get(t);
            }
            timed.add(new AlignedWord(
                    w.text(), w.firstToken(), w.tokenCount(), from, Math.max(from, to), Math.exp(p / w.tokenCount())));
        }
        return timed;
    }

    /** A word, the text tokens it spans, and its times relative to the window. */
    record AlignedWord(String text, int firstToken, int tokenCount, double start, double end, double probability) {
        AlignedWord(String text, int firstToken, int tokenCount) {
            this(text, firstToken, tokenCount, 0, 0, 0);
        }
    }

    private static float[][] negate(float[][] m) {
        float[][] out = new float[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = new float[m[r].length];
            for (int c = 0; c < m[r].length; c++) {
                out[r][c] = -m[r][c];
            }
        }
        return out;
    }
}
