package io.greenscribe.audio;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on decoding one file, so that a hostile or broken upload can neither hang a worker nor
 * exhaust its memory.
 *
 * @param decodeTimeout wall-clock deadline for decoding one file, opening and probing included
 * @param maxDuration longest audio accepted; 16 kHz mono float costs about 230 MB per hour
 */
@ConfigurationProperties("greenscribe.audio")
public record AudioProperties(
        @DefaultValue("10m") Duration decodeTimeout,
        @DefaultValue("6h") Duration maxDuration) {

    /** Default deadline: decoding runs at hundreds of times real time, so 6 h takes well under it. */
    public static final Duration DEFAULT_DECODE_TIMEOUT = Duration.ofMinutes(10);

    public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(6);

    public AudioProperties {
        Objects.requireNonNull(decodeTimeout, "decodeTimeout");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (decodeTimeout.isNegative() || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("decodeTimeout must not be negative and maxDuration must be positive");
        }
        // PcmAudio is one float[], so Java's array limit (about 37 h at 16 kHz) is the ceiling.
        if (maxDuration.toSeconds() * PcmAudio.SAMPLE_RATE > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDuration must be at most 37 hours");
        }
    }

    public static AudioProperties defaults() {
        return new AudioProperties(DEFAULT_DECODE_TIMEOUT, DEFAULT_MAX_DURATION);
    }

    /** Most samples a decoded file may hold at {@link PcmAudio#SAMPLE_RATE}. */
    public long maxSamples() {
        return Math.min(maxDuration.toMillis() * PcmAudio.SAMPLE_RATE / 1000, Integer.MAX_VALUE - 8);
    }
}
