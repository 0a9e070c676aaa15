package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Frame-level agreement between detected and true speech, in 10 ms frames.
 *
 * @param recall share of true speech inside the detection
 * @param precision share of the detection that is true speech
 */
public record Overlap(double recall, double precision) {

    private static final int FRAME = PcmAudio.SAMPLE_RATE / 100;

    public static Overlap ofSegments(List<SpeechSegment> truth, List<SpeechSegment> detected, int totalSamples) {
        return of(
                mask(truth, SpeechSegment::startSample, SpeechSegment::endSample, totalSamples),
                mask(detected, SpeechSegment::startSample, SpeechSegment::endSample, totalSamples));
    }

    public static Overlap ofWindows(List<SpeechSegment> truth, List<SpeechWindow> windows, int totalSamples) {
        return of(
                mask(truth, SpeechSegment::startSample, SpeechSegment::endSample, totalSamples),
                mask(
                        windows.stream().flatMap(w -> w.pieces().stream()).toList(),
                        SpeechWindow.Piece::startSample,
                        SpeechWindow.Piece::endSample,
                        totalSamples));
    }

    private static Overlap of(boolean[] truth, boolean[] detected) {
        int both = 0;
        int trueFrames = 0;
        int detectedFrames = 0;
        for (int i = 0; i < truth.length; i++) {
            both += truth[i] && detected[i] ? 1 : 0;
            trueFrames += truth[i] ? 1 : 0;
            detectedFrames += detected[i] ? 1 : 0;
        }
        return new Overlap(both / (double) trueFrames, detectedFrames == 0 ? 1 : both / (double) detectedFrames);
    }

    private static <T> boolean[] mask(List<T> spans, ToIntFunction<T> start, ToIntFunction<T> end, int totalSamples) {
        boolean[] frames = new boolean[(totalSamples + FRAME - 1) / FRAME];
        for (T span : spans) {
            int from = Math.max(0, start.applyAsInt(span) / FRAME);
            int to = Math.min(frames.length, (end.applyAsInt(span) + FRAME - 1) / FRAME);
            for (int i = from; i < to; i++) {
                frames[i] = true;
            }
        }
        return frames;
    }
}
