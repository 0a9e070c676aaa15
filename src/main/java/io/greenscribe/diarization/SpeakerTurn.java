package io.greenscribe.diarization;

/**
 * One stretch of speech by one speaker.
 *
 * @param start seconds from the start of the audio
 * @param end seconds from the start of the audio
 * @param speaker the speaker, numbered from 1 in order of first appearance
 */
public record SpeakerTurn(double start, double end, int speaker) {

    public SpeakerTurn {
        if (end < start || speaker < 1) {
            throw new IllegalArgumentException("Invalid turn " + start + ".." + end + " of speaker " + speaker);
        }
    }
}
