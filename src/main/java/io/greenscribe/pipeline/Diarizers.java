package io.greenscribe.pipeline;

import io.greenscribe.diarization.Diarizer;
import java.nio.file.Path;
import lombok.RequiredArgsConstructor;

/**
 * The speaker encoder, loaded on the first diarized job rather than at start-up: a server whose
 * clients never diarize neither needs {@code models/speaker-encoder} nor spends memory on it.
 */
@RequiredArgsConstructor
class Diarizers implements AutoCloseable {

    private final Path modelsDirectory;
    private Diarizer diarizer;

    synchronized Diarizer get() {
        if (diarizer == null) {
            diarizer = Diarizer.open(modelsDirectory);
        }
        return diarizer;
    }

    @Override
    public synchronized void close() {
        if (diarizer != null) {
            diarizer.close();
            diarizer = null;
        }
    }
}
