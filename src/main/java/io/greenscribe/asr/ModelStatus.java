package io.greenscribe.asr;

import java.time.Instant;
import java.util.List;

/**
 * What the device holds now.
 *
 * @param device device name, e.g. {@code cpu()} or {@code gpu(0)}
 * @param installed model directories present on disk
 * @param loaded models in memory
 * @param memory device (GPU) or process (CPU) memory figures
 */
public record ModelStatus(String device, List<String> installed, List<Loaded> loaded, DeviceMemory memory) {

    /**
     * One loaded model.
     *
     * @param name model name
     * @param loadedAt when its weights were loaded
     * @param lastUsed when it last finished a recognition
     * @param batchSize batch size in use
     */
    public record Loaded(String name, Instant loadedAt, Instant lastUsed, int batchSize) {}
}
