package io.greenscribe.asr;

/**
 * A word with its time in the audio, from cross-attention alignment (dynamic time warping over
 * Whisper's alignment heads).
 *
 * @param start start in seconds from the beginning of the audio
 * @param end end in seconds
 * @param word the word as written, with its leading space
 * @param probability mean token probability of the word
 */
public record Word(double start, double end, String word, double probability) {}
