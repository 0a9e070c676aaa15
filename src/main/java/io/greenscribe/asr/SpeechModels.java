package io.greenscribe.asr;

import ai.djl.Device;
import io.greenscribe.asr.whisper.WhisperRecognizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;

/**
 * The models of one device and their lifecycle: each loads on first use, unloads after it has been
 * idle for a while (or on demand), and the device cache can be cleared on demand. The console and
 * API call {@link #unload}, {@link #clearCache} and {@link #status}.
 */
@RequiredArgsConstructor
public final class SpeechModels implements AutoCloseable {

    private final Path modelsRoot;
    private final Device device;
    private final int batchSize;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Map<String, LoadableRecognizer> models = new ConcurrentHashMap<>();
    private final Map<String, PooledRecognizer> pools = new ConcurrentHashMap<>();

    /** How long the engine thread waits for more windows to fill a batch after the first arrives. */
    static final Duration POOL_LINGER = Duration.ofMillis(20);

    /**
     * A recognizer for {@code name}; the weights load when it is first used, not here. Concurrent
     * callers' windows are pooled into shared batches on one engine thread per model.
     */
    public SpeechRecognizer recognizer(String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ModelNotFoundException("invalid model name '" + name + "'");
        }
        if (!Files.isDirectory(modelsRoot.resolve(name))) {
            throw new ModelNotFoundException("model '" + name + "' is not installed in " + modelsRoot
                    + "; fetch it with: python3 models/fetch.py " + name);
        }
        return pools.computeIfAbsent(
                name,
                n -> new PooledRecognizer(
                        models.computeIfAbsent(n, m -> new LoadableRecognizer(m, this::open, clock)),
                        batchSize,
                        POOL_LINGER));
    }

    private AutoCloseableRecognizer open(String name) {
        return WhisperRecognizers.open(name, modelsRoot, device, batchSize);
    }

    /** Model directories present under the models root. */
    public List<String> installed() {
        try (Stream<Path> dirs = Files.list(modelsRoot)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("model.bin")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Unloads models idle for longer than the configured timeout; returns how many. */
    public int unloadIdle() {
        Instant cutoff = clock.instant().minus(idleTimeout);
        int unloaded = 0;
        for (LoadableRecognizer model : models.values()) {
            if (model.unloadIfIdleSince(cutoff)) {
                unloaded++;
            }
        }
        return unloaded;
    }

    /** Unloads one model now, waiting for recognitions in flight; false when it was not loaded. */
    public boolean unload(String name) {
        LoadableRecognizer model = models.get(name);
        return model != null && model.unload();
    }

    /** Returns cached, unused device memory to the driver (CUDA); a no-op on CPU. */
    public DeviceMemory clearCache() {
        return DeviceMemory.clearCache(device);
    }

    public ModelStatus status() {
        List<ModelStatus.Loaded> loaded = new ArrayList<>();
        for (LoadableRecognizer model : models.values()) {
            model.snapshot().ifPresent(loaded::add);
        }
        return new ModelStatus(device.toString(), installed(), loaded, DeviceMemory.of(device));
    }

    @Override
    public void close() {
        pools.values().forEach(PooledRecognizer::close);
        // by now the queue has handed every job back; a batch still decoding for an abandoned job
        // must not hold the exit for its whole length (it did for minutes under a backlog)
        for (LoadableRecognizer model : models.values()) {
            if (!model.unloadWithin(java.time.Duration.ofSeconds(3))) {
                org.slf4j.LoggerFactory.getLogger(SpeechModels.class)
                        .info("Model {} still decoding at shutdown; left to the process exit", model.modelName());
            }
        }
    }
}
