package io.greenscribe.vad.silero;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import io.greenscribe.audio.PcmAudio;
import io.greenscribe.system.GreenScribeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One loaded copy of the Silero TorchScript module and the {@link TorchWorker} thread it runs on.
 * The module is stateful (its LSTM state and the 64-sample context it prepends live inside it
 * between calls), so a session serves one file at a time and is reset at the start of each.
 */
final class SileroSession implements AutoCloseable {

    /** Silero v5+ at 16 kHz reads exactly 512 new samples per call. */
    static final int CHUNK_SAMPLES = 512;

    /** About 30 s of audio, a second or less of work: a cancelled job stops this soon. */
    private static final int CHUNKS_BETWEEN_INTERRUPT_CHECKS = 1000;

    private final Model model;
    private final PtSymbolBlock module;
    private final TorchWorker worker;

    SileroSession(Path modelFile) throws IOException, MalformedModelException {
        model = Model.newInstance("silero_vad", Device.cpu(), "PyTorch");
        try (InputStream in = Files.newInputStream(modelFile)) {
            model.load(in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
        module = (PtSymbolBlock) model.getBlock();
        worker = new TorchWorker();
    }

    /**
     * Streams the audio through the module chunk by chunk, as Silero's own
     * {@code get_speech_timestamps} does, carrying state across the whole file. (The module's
     * {@code audio_forward} would do the loop natively, but needs the whole file as one tensor.)
     *
     * @return speech probability of each 512-sample chunk; the last chunk is zero-padded
     */
    float[] probabilities(float[] samples) {
        return worker.call(() -> stream(samples));
    }

    private float[] stream(float[] samples) {
        int chunks = (samples.length + CHUNK_SAMPLES - 1) / CHUNK_SAMPLES;
        float[] probabilities = new float[chunks];
        float[] buffer = new float[CHUNK_SAMPLES];
        PtNDManager root = (PtNDManager) model.getNDManager();
        try (NDManager scope = root.newSubManager();
                IValue rate = IValue.from((long) PcmAudio.SAMPLE_RATE);
                IValue ignored = IValueUtils.runMethod(module, "reset_states")) {
            PtNDArray chunk = (PtNDArray) scope.zeros(new Shape(1, CHUNK_SAMPLES));
            for (int c = 0; c < chunks; c++) {
                if (c % CHUNKS_BETWEEN_INTERRUPT_CHECKS == 0
                        && Thread.currentThread().isInterrupted()) {
                    throw new GreenScribeException("Voice activity detection was interrupted.");
                }
                int from = c * CHUNK_SAMPLES;
                int n = Math.min(CHUNK_SAMPLES, samples.length - from);
                System.arraycopy(samples, from, buffer, 0, n);
                Arrays.fill(buffer, n, CHUNK_SAMPLES, 0f);
                chunk.set(buffer);
                try (IValue input = IValue.from(chunk);
                        IValue output = module.forward(input, rate);
                        PtNDArray probability = output.toTensor((PtNDManager) scope)) {
                    probabilities[c] = probability.getFloat();
                }
            }
        }
        return probabilities;
    }

    @Override
    public void close() {
        worker.close();
        model.close();
    }
}
