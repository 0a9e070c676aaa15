package io.greenscribe.transcription;

import io.greenscribe.text.TranscriptDocument;
import java.util.List;

/**
 * A finished transcription and what it cost.
 *
 * @param document timed segments (normalized and raw text), language and model
 * @param audioSeconds length of the decoded audio
 * @param speechSeconds length of the windows sent to the recognizer
 * @param skippedFraction share of the audio VAD kept away from the recognizer
 * @param windows number of windows recognized
 * @param decodeSeconds wall time spent decoding the file
 * @param vadSeconds wall time spent on voice activity detection
 * @param recognizeSeconds wall time spent in the recognizer
 * @param decodedSpans the stretches of the file the recognizer read, {start, end} in seconds
 * @param warning a sentence when the file was not read whole (truncated or damaged), else null
 */
public record TranscriptionResult(
        TranscriptDocument document,
        double audioSeconds,
        double speechSeconds,
        double skippedFraction,
        int windows,
        double decodeSeconds,
        double vadSeconds,
        double recognizeSeconds,
        List<double[]> decodedSpans,
        String warning) {

    public double wallSeconds() {
        return decodeSeconds + vadSeconds + recognizeSeconds;
    }
}
