package io.greenscribe.pipeline;

import io.greenscribe.vad.SpeechWindow;
import java.util.List;

/**
 * A window to recognize: stretches of the audio (samples at 16 kHz) read joined end to end.
 *
 * @param index position of the window in its job
 * @param pieces the stretches, in time order; one for a contiguous window
 */
record WindowSpan(int index, List<SpeechWindow.Piece> pieces) {

    WindowSpan {
        pieces = List.copyOf(pieces);
    }

    static WindowSpan of(SpeechWindow window) {
        return new WindowSpan(window.index(), window.pieces());
    }

    SpeechWindow window() {
        return new SpeechWindow(index, pieces);
    }

    long startSample() {
        return pieces.get(0).startSample();
    }

    long endSample() {
        return pieces.get(pieces.size() - 1).endSample();
    }

    /** Seconds the recognizer reads: the pieces, not the pauses between them. */
    double seconds() {
        return pieces.stream().mapToLong(SpeechWindow.Piece::lengthSamples).sum() / 16_000.0;
    }
}
