package io.greenscribe.asr.whisper;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenscribe.asr.ModelNotFoundException;
import io.greenscribe.system.NativeMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Whisper checkpoint loaded onto one device: weights, tokenizer and feature extractor. Closing it
 * frees the device memory the weights held.
 */
final class WhisperModel implements AutoCloseable {

    final String name;
    final Device device;
    final NDManager manager;
    final WhisperNetwork network;
    final WhisperTokenizer tokenizer;
    final LogMelSpectrogram features;
    final int[] suppress;
    final int[] suppressAtBegin;
    final int[][] alignmentHeads;

    private WhisperModel(
            String name,
            Device device,
            NDManager manager,
            Ct2Weights weights,
            WhisperTokenizer tokenizer,
            int[] suppress,
            int[] suppressAtBegin,
            int[][] alignmentHeads) {
        this.name = name;
        this.device = device;
        this.manager = manager;
        this.network = new WhisperNetwork(weights);
        this.tokenizer = tokenizer;
        this.features = new LogMelSpectrogram(manager, network.dimensions().melBins());
        this.suppress = suppress;
        this.suppressAtBegin = suppressAtBegin;
        this.alignmentHeads = alignmentHeads;
    }

    /** Loads {@code dir} (a faster-whisper model directory) onto {@code device}. */
    static WhisperModel load(String name, Path dir, Device device) {
        Path bin = dir.resolve("model.bin");
        if (!Files.isRegularFile(bin) || !Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            throw new ModelNotFoundException("model '" + name + "' is not installed in " + dir
                    + "; fetch it with: python3 models/fetch.py " + name);
        }
        NativeMemory.configure();
        // The tokenizer's native library and the PyTorch engine each take a few hundred ms to start,
        // on one thread each: loading them side by side takes a third off a command-line run's load.
        CompletableFuture<WhisperTokenizer> tokenizer = CompletableFuture.supplyAsync(() -> new WhisperTokenizer(dir));
        NDManager manager = null;
        try {
            JsonNode config = readConfig(dir.resolve("config.json"));
            manager = NDManager.newBaseManager(device, "PyTorch");
            Ct2Weights weights = Ct2Weights.load(bin, manager);
            return new WhisperModel(
                    name,
                    device,
                    manager,
                    weights,
                    joined(tokenizer),
                    ints(config.path("suppress_ids")),
                    ints(config.path("suppress_ids_begin")),
                    pairs(config.path("alignment_heads")));
        } catch (RuntimeException e) {
            if (manager != null) {
                manager.close();
            }
            tokenizer.thenAccept(WhisperTokenizer::close);
            throw e;
        }
    }

    private static WhisperTokenizer joined(CompletableFuture<WhisperTokenizer> tokenizer) {
        try {
            return tokenizer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static JsonNode readConfig(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? new ObjectMapper().readTree(file.toFile())
                    : new ObjectMapper().createObjectNode();
        } catch (IOException e) {
            throw new ModelNotFoundException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static int[][] pairs(JsonNode array) {
        int[][] out = new int[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[] {array.get(i).get(0).asInt(), array.get(i).get(1).asInt()};
        }
        return out;
    }

    boolean multilingual() {
        return network.dimensions().multilingual();
    }

    @Override
    public void close() {
        tokenizer.close();
        features.close();
        manager.close();
        NativeMemory.trim();
    }
}
