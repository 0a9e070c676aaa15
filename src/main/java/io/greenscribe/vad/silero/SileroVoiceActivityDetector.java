package io.greenscribe.vad.silero;

import ai.djl.MalformedModelException;
import io.greenscribe.audio.PcmAudio;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.vad.FrameProbabilities;
import io.greenscribe.vad.SpeechSegment;
import io.greenscribe.vad.VadOptions;
import io.greenscribe.vad.VoiceActivityDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Silero VAD v6 (MIT, snakers4/silero-vad) from its TorchScript file, on DJL's PyTorch engine.
 *
 * <p>The module keeps recurrent state between calls, so each concurrent caller gets a session of
 * its own: sessions are loaded on demand (about 2 MB and well under a second each), kept for
 * reuse, and all freed by {@link #close()}.
 */
public final class SileroVoiceActivityDetector implements VoiceActivityDetector {

    /** Where {@code models/fetch.py} puts the model, relative to the working directory. */
    public static final Path DEFAULT_MODEL_FILE = Path.of("models", "silero-vad", "silero_vad.jit");

    static final String FETCH_COMMAND = "python3 models/fetch.py silero-vad";

    private final Path modelFile;
    private final VadOptions options;
    private final Deque<SileroSession> idle = new ArrayDeque<>();
    private boolean closed;

    /**
     * Loads one session straight away, so a missing or broken model fails at start-up rather
     * than on the first job.
     *
     * @throws GreenScribeException when the model file is missing or cannot be loaded
     */
    public SileroVoiceActivityDetector(Path modelFile, VadOptions options) {
        this.modelFile = modelFile;
        this.options = options;
        if (!Files.isRegularFile(modelFile)) {
            throw new GreenScribeException("Silero VAD model not found at " + modelFile.toAbsolutePath()
                    + ". Fetch it with: " + FETCH_COMMAND);
        }
        idle.push(open());
    }

    public SileroVoiceActivityDetector(VadOptions options) {
        this(DEFAULT_MODEL_FILE, options);
    }

    @Override
    public List<SpeechSegment> detect(PcmAudio audio) {
        float[] samples = audio.samples();
        if (samples.length == 0) {
            return List.of();
        }
        SileroSession session = borrow();
        float[] probabilities;
        try {
            probabilities = session.probabilities(samples);
        } finally {
            giveBack(session);
        }
        return new FrameProbabilities(probabilities, SileroSession.CHUNK_SAMPLES, samples.length).segments(options);
    }

    private SileroSession borrow() {
        synchronized (idle) {
            if (closed) {
                throw new IllegalStateException("Silero VAD detector is closed");
            }
            SileroSession session = idle.poll();
            if (session != null) {
                return session;
            }
        }
        return open();
    }

    private void giveBack(SileroSession session) {
        synchronized (idle) {
            if (!closed) {
                idle.push(session);
                return;
            }
        }
        session.close(); // the detector closed while this session was busy
    }

    private SileroSession open() {
        try {
            return new SileroSession(modelFile);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new GreenScribeException(
                    "Silero VAD model at " + modelFile.toAbsolutePath() + " cannot be loaded (" + e.getMessage()
                            + "). Fetch it again with: " + FETCH_COMMAND,
                    e);
        }
    }

    @Override
    public void close() {
        List<SileroSession> toClose;
        synchronized (idle) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(SileroSession::close);
    }
}
