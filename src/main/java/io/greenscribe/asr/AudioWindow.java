package io.greenscribe.asr;

/**
 * One window of audio to recognise: either one contiguous stretch of the original audio, or
 * several stretches of speech joined end to end with the pauses between them cut out.
 *
 * @param index position of the window in its job, echoed in the result
 * @param samples 16 kHz mono samples, at most 30 s
 * @param offsetSeconds where the window starts in the original audio
 * @param pieceStarts where each joined stretch starts in the original audio, in seconds; one
 *     entry for a contiguous window
 * @param pieceLengths samples of {@code samples} each stretch takes, in order; they add up to
 *     {@code samples.length}
 */
public record AudioWindow(int index, float[] samples, double offsetSeconds, double[] pieceStarts, int[] pieceLengths) {

    private static final double RATE = 16_000.0;

    public AudioWindow {
        if (pieceStarts.length != pieceLengths.length || pieceStarts.length == 0) {
            throw new IllegalArgumentException("a window needs one start per piece and at least one piece");
        }
        long total = 0;
        for (int length : pieceLengths) {
            total += length;
        }
        if (total != samples.length) {
            throw new IllegalArgumentException("pieces cover " + total + " samples, the window has " + samples.length);
        }
    }

    /** A contiguous window starting at {@code offsetSeconds}. */
    public AudioWindow(int index, float[] samples, double offsetSeconds) {
        this(index, samples, offsetSeconds, new double[] {offsetSeconds}, new int[] {samples.length});
    }

    public double durationSeconds() {
        return samples.length / RATE;
    }

    /**
     * Where a moment of the window (seconds from its first sample) lies in the original audio.
     * A moment on the seam between two pieces is the start of the later piece when it starts
     * something ({@code end} false) and the end of the earlier piece when it ends something.
     */
    public double sourceSeconds(double windowSeconds, boolean end) {
        double from = 0;
        for (int i = 0; i < pieceLengths.length; i++) {
            double to = from + pieceLengths[i] / RATE;
            boolean inside = end ? windowSeconds <= to : windowSeconds < to;
            if (inside || i == pieceLengths.length - 1) {
                return pieceStarts[i] + Math.min(Math.max(0, windowSeconds - from), pieceLengths[i] / RATE);
            }
            from = to;
        }
        return offsetSeconds;
    }

    /**
     * End, in the original audio, of the piece that a moment of the window lies in: nothing said
     * there runs past it, since what followed in the original was a pause that was cut out.
     */
    public double pieceEndSeconds(double windowSeconds) {
        double from = 0;
        for (int i = 0; i < pieceLengths.length; i++) {
            double to = from + pieceLengths[i] / RATE;
            if (windowSeconds < to || i == pieceLengths.length - 1) {
                return pieceStarts[i] + pieceLengths[i] / RATE;
            }
            from = to;
        }
        return offsetSeconds;
    }

    /** Whether the window joins several stretches, so its times need mapping back. */
    public boolean joined() {
        return pieceLengths.length > 1;
    }
}
