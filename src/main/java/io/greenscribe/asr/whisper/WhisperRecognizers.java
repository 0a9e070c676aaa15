package io.greenscribe.asr.whisper;

import ai.djl.Device;
import java.nio.file.Path;

/** Opens Whisper recognizers from faster-whisper model directories. */
public final class WhisperRecognizers {

    private WhisperRecognizers() {}

    /**
     * Loads the model in {@code modelsRoot/name} onto {@code device}.
     *
     * @throws io.greenscribe.asr.ModelNotFoundException naming the fetch command when it is absent
     */
    public static DjlWhisperRecognizer open(String name, Path modelsRoot, Device device, int batchSize) {
        return new DjlWhisperRecognizer(WhisperModel.load(name, modelsRoot.resolve(name), device), batchSize);
    }
}
