package io.greenscribe.diarization;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * Who spoke when: the speech stretches, long pauses cut out ({@link SilenceTrim}), joined end to end, volume
 * normalised, embedded by the GE2E encoder every {@link #HOP_FRAMES} frames over
 * {@link SpeakerEncoder#PARTIAL_FRAMES}-frame (1.6 s) windows, clustered, and each stretch of
 * speech labelled by the window whose centre is nearest, mapped back to the original time line.
 *
 * <p>Thread-safe: the engine's operators may run from any thread.
 */
@RequiredArgsConstructor
public final class Diarizer implements AutoCloseable {

    /**
     * 0.8 s between windows (half of each overlaps the next): a turn boundary is placed within
     * ±0.4 s. The encoder's cost is per window, so this is the main cost knob: at 0.5 s it cost as
     * much again as 0.8 s for a few points of DER (measured, docs/benchmarks.md).
     */
    static final int HOP_FRAMES = 80;

    /** Windows per encoder call: 64 × 1.6 s, about 30 MB of activations. */
    private static final int BATCH = 64;

    private final NDManager manager;
    private final SpeakerEncoder encoder;
    private final MelFrames mel;

    /** Loads the encoder from {@code modelsDirectory/speaker-encoder}. */
    public static Diarizer open(Path modelsDirectory) {
        NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        try {
            SpeakerEncoder encoder = SpeakerEncoder.load(manager, modelsDirectory.resolve(SpeakerEncoder.MODEL));
            return new Diarizer(manager, encoder, new MelFrames(manager));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A stretch of speech in samples of 16 kHz audio, {@code [start, end)}. */
    public record Speech(int start, int end) {}

    /**
     * Speaker turns over {@code speech} (sorted, non-overlapping stretches of {@code samples}), in
     * time order, speakers numbered from 1 in order of first appearance.
     */
    public List<SpeakerTurn> diarize(float[] samples, List<Speech> speech, SpeakerLimits limits) {
        Windows w = windows(samples, speech);
        if (w == null) {
            return List.of();
        }
        int[] labels = SpectralClustering.compact(SpectralClustering.cluster(w.embeddings(), limits));
        return turns(w.pieces(), w.starts(), labels, w.frames());
    }

    /** The embedded windows of the speech: what the clustering groups. */
    record Windows(List<Speech> pieces, int[] starts, float[][] embeddings, int frames) {}

    Windows windows(float[] samples, List<Speech> speech) {
        List<Speech> pieces = SilenceTrim.trim(samples, clamp(speech, samples.length));
        int total = pieces.stream().mapToInt(p -> p.end() - p.start()).sum();
        if (total == 0) {
            return null;
        }
        float[] joined = new float[total];
        int at = 0;
        for (Speech p : pieces) {
            System.arraycopy(samples, p.start(), joined, at, p.end() - p.start());
            at += p.end() - p.start();
        }
        float[][] frames = mel.compute(manager, Embeddings.normalizeVolume(joined));
        int[] starts = windowStarts(frames.length);
        return new Windows(pieces, starts, embed(frames, starts), frames.length);
    }

    /** Window starts every {@link #HOP_FRAMES}, the last one ending at the last frame. */
    static int[] windowStarts(int frames) {
        int last = Math.max(0, frames - SpeakerEncoder.PARTIAL_FRAMES);
        int count = (last + HOP_FRAMES - 1) / HOP_FRAMES + 1;
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = Math.min(i * HOP_FRAMES, last);
        }
        return starts;
    }

    private float[][] embed(float[][] frames, int[] starts) {
        int width = SpeakerEncoder.PARTIAL_FRAMES * MelFrames.MEL_BANDS;
        float[][] out = new float[starts.length][];
        for (int first = 0; first < starts.length; first += BATCH) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Diarization was interrupted.");
            }
            int n = Math.min(BATCH, starts.length - first);
            float[] batch = new float[n * width]; // short speech is zero-padded, as Resemblyzer pads
            for (int w = 0; w < n; w++) {
                for (int f = 0; f < SpeakerEncoder.PARTIAL_FRAMES; f++) {
                    int frame = starts[first + w] + f;
                    if (frame < frames.length) {
                        System.arraycopy(
                                frames[frame], 0, batch, w * width + f * MelFrames.MEL_BANDS, MelFrames.MEL_BANDS);
                    }
                }
            }
            float[][] e = encoder.embed(batch, n);
            System.arraycopy(e, 0, out, first, n);
        }
        return out;
    }

    /**
     * Each frame of the joined speech takes the label of the window whose centre is nearest; runs
     * of one label become turns, cut where the joined speech crosses from one stretch to the next.
     */
    static List<SpeakerTurn> turns(List<Speech> pieces, int[] starts, int[] labels, int frames) {
        int[] frameLabel = new int[frames];
        int w = 0;
        for (int f = 0; f < frames; f++) {
            while (w + 1 < starts.length
                    && Math.abs(starts[w + 1] + SpeakerEncoder.PARTIAL_FRAMES / 2 - f)
                            <= Math.abs(starts[w] + SpeakerEncoder.PARTIAL_FRAMES / 2 - f)) {
                w++;
            }
            frameLabel[f] = labels[w];
        }
        List<SpeakerTurn> turns = new ArrayList<>();
        int offset = 0; // first joined sample of the piece
        for (Speech p : pieces) {
            int length = p.end() - p.start();
            int from = 0;
            while (from < length) {
                int label = frameLabel[Math.min(frames - 1, (offset + from) / MelFrames.HOP)];
                int to = from;
                while (to < length && frameLabel[Math.min(frames - 1, (offset + to) / MelFrames.HOP)] == label) {
                    to = Math.min(length, ((offset + to) / MelFrames.HOP + 1) * MelFrames.HOP - offset);
                }
                add(turns, new SpeakerTurn(seconds(p.start() + from), seconds(p.start() + to), label + 1));
                from = to;
            }
            offset += length;
        }
        return turns;
    }

    private static void add(List<SpeakerTurn> turns, SpeakerTurn turn) {
        if (!turns.isEmpty()) {
            SpeakerTurn last = turns.get(turns.size() - 1);
            if (last.speaker() == turn.speaker() && last.end() >= turn.start()) {
                turns.set(turns.size() - 1, new SpeakerTurn(last.start(), turn.end(), last.speaker()));
                return;
            }
        }
        turns.add(turn);
    }

    private static double seconds(int sample) {
        return sample / (double) MelFrames.SAMPLE_RATE;
    }

    private static List<Speech> clamp(List<Speech> speech, int length) {
        List<Speech> out = new ArrayList<>();
        int previousEnd = 0;
        for (Speech s : speech) {
            int start = Math.max(previousEnd, Math.max(0, s.start()));
            int end = Math.min(length, s.end());
            if (end > start) {
                out.add(new Speech(start, end));
                previousEnd = end;
            }
        }
        return out;
    }

    @Override
    public void close() {
        mel.close();
        encoder.close();
        manager.close();
    }
}
