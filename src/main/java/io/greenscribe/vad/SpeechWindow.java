package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;
import java.util.List;

/**
 * What the recognizer reads as one unit: stretches ({@link Piece}s) of the original audio joined
 * end to end, the pauses between them left out, at most {@link VadOptions#maxWindowSeconds()} of
 * audio in all. Pieces are in time order and never overlap, and windows of one plan never overlap
 * either, so a time in the joined audio maps back to exactly one moment of the original.
 *
 * @param index position of the window in its plan, from 0
 * @param pieces the stretches, in time order
 */
public record SpeechWindow(int index, List<Piece> pieces) {

    /**
     * One stretch of the original audio, in samples.
     *
     * @param startSample first sample
     * @param endSample one past the last sample
     */
    public record Piece(int startSample, int endSample) {

        public Piece {
            if (startSample < 0 || endSample <= startSample) {
                throw new IllegalArgumentException("Empty or negative piece " + startSample + ".." + endSample);
            }
        }

        public int lengthSamples() {
            return endSample - startSample;
        }
    }

    public SpeechWindow {
        pieces = List.copyOf(pieces);
        if (index < 0 || pieces.isEmpty()) {
            throw new IllegalArgumentException("Invalid window " + index + ": " + pieces);
        }
        for (int i = 1; i < pieces.size(); i++) {
            if (pieces.get(i).startSample() < pieces.get(i - 1).endSample()) {
                throw new IllegalArgumentException(
                        "Pieces of window " + index + " overlap or are out of order: " + pieces);
            }
        }
    }

    /** A window of one contiguous stretch. */
    public SpeechWindow(int index, int startSample, int endSample) {
        this(index, List.of(new Piece(startSample, endSample)));
    }

    /** First sample of the first piece. */
    public int startSample() {
        return pieces.get(0).startSample();
    }

    /** One past the last sample of the last piece. */
    public int endSample() {
        return pieces.get(pieces.size() - 1).endSample();
    }

    /** Samples the recognizer reads: the pieces, not the pauses between them. */
    public int lengthSamples() {
        return pieces.stream().mapToInt(Piece::lengthSamples).sum();
    }

    public double startSeconds() {
        return startSample() / (double) PcmAudio.SAMPLE_RATE;
    }

    public double endSeconds() {
        return endSample() / (double) PcmAudio.SAMPLE_RATE;
    }

    /** Seconds of audio the recognizer reads. */
    public double durationSeconds() {
        return lengthSamples() / (double) PcmAudio.SAMPLE_RATE;
    }
}
