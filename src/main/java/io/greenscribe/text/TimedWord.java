package io.greenscribe.text;

/**
 * One recognized word with its timing, as the recognizer reported it.
 *
 * @param start seconds from the start of the audio
 * @param end seconds from the start of the audio
 * @param word the word as recognized, often with its leading space (Whisper style)
 * @param probability the recognizer's confidence in [0, 1]
 * @param speaker who spoke it, numbered from 1, or {@code null} when the job was not diarized
 */
public record TimedWord(double start, double end, String word, double probability, Integer speaker) {

    public TimedWord {
        word = word == null ? "" : word;
    }

    /** A word with no speaker. */
    public TimedWord(double start, double end, String word, double probability) {
        this(start, end, word, probability, null);
    }

    /** This word attributed to {@code speaker}. */
    public TimedWord withSpeaker(Integer speaker) {
        return new TimedWord(start, end, word, probability, speaker);
    }
}
