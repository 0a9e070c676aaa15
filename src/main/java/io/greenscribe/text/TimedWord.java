package io.greenscribe.text;

/**
 * One recognized word with its timing, as the recognizer reported it.
 *
 * @param start seconds from the start of the audio
 * @param end seconds from the start of the audio
 * @param word the word as recognized, often with its leading space (Whisper style)
 * @param probability the recognizer's confidence in [0, 1]
 */
public record TimedWord(double start, double end, String word, double probability) {

    public TimedWord {
        word = word == null ? "" : word;
    }
}
