package io.greenscribe.diarization;

/**
 * How many speakers the clustering may find: exactly {@code min} when {@code min == max}, else
 * estimated within {@code [min, max]}.
 *
 * @param min fewest speakers, at least 1
 * @param max most speakers, at most {@link #MOST}
 */
public record SpeakerLimits(int min, int max) {

    /** The most speakers a request may ask for. */
    public static final int MOST = 20;

    /** The range searched when the request gives no bound. */
    public static final int DEFAULT_MAX = 8;

    public SpeakerLimits {
        if (min < 1 || max > MOST || min > max) {
            throw new IllegalArgumentException(
                    "Speaker counts must satisfy 1 <= min <= max <= " + MOST + ", got " + min + ".." + max);
        }
    }

    /**
     * The limits of a request: {@code speakers} fixes the count; otherwise the bounds given, the
     * missing ones defaulting to 1 and {@link #DEFAULT_MAX} (or the minimum, if it is above that).
     */
    public static SpeakerLimits of(Integer speakers, Integer minSpeakers, Integer maxSpeakers) {
        if (speakers != null) {
            return new SpeakerLimits(speakers, speakers);
        }
        int min = minSpeakers == null ? 1 : minSpeakers;
        int max = maxSpeakers == null ? Math.max(min, DEFAULT_MAX) : maxSpeakers;
        return new SpeakerLimits(min, max);
    }

    public boolean fixed() {
        return min == max;
    }
}
