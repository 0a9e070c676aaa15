package io.greenscribe.asr;

import java.util.List;

/**
 * A stretch of recognised text with its place in the original audio.
 *
 * @param start start in seconds from the beginning of the audio
 * @param end end in seconds, never before {@code start}
 * @param text the text as the model wrote it
 * @param avgLogProb mean token log-probability of the window's decode this segment came from
 * @param noSpeechProb the model's probability that the window held no speech
 * @param temperature decoding temperature that produced it (0 for greedy; higher after fallback)
 * @param words word timings when they were asked for, else empty
 */
public record Segment(
        double start,
        double end,
        String text,
        double avgLogProb,
        double noSpeechProb,
        double temperature,
        List<Word> words) {

    public Segment {
        words = words == null ? List.of() : List.copyOf(words);
    }

    public Segment(double start, double end, String text, double avgLogProb, double noSpeechProb, double temperature) {
        this(start, end, text, avgLogProb, noSpeechProb, temperature, List.of());
    }
}
