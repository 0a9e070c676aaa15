package io.greenscribe.transcription;

import io.greenscribe.asr.Segment;
import io.greenscribe.asr.WindowTranscript;
import java.util.List;

/**
 * What a transcript is assembled from, per window: its timed segments (on the file's timeline), the
 * language it was decoded in, and whether it held no speech. The command line has it from the
 * recognizer; the server reads it back from the windows it committed.
 *
 * @param language the window's language
 * @param segments its segments, timed on the file's timeline
 * @param noSpeech whether the window was judged to hold no speech (its language then casts no vote)
 */
public record WindowText(String language, List<Segment> segments, boolean noSpeech) {

    public static WindowText of(WindowTranscript t) {
        return new WindowText(t.language(), t.segments(), t.noSpeech());
    }
}
