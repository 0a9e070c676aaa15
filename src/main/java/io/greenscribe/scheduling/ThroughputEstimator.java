package io.greenscribe.scheduling;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns each device's speed, in audio seconds per wall second, from finished jobs (exponentially
 * weighted), and estimates run times conservatively: from the mean speed less two standard
 * deviations, so a booked run rarely overruns and pushes the next one late. Until a device has
 * finished a few jobs, the conservative default caps the estimate.
 */
public final class ThroughputEstimator {

    private final double defaultSpeed;
    private final double alpha;
    private final Map<String, Stats> byDevice = new ConcurrentHashMap<>();

    /**
     * @param defaultSpeed audio seconds per wall second assumed before any job finished (1 = real time)
     * @param alpha weight of the newest observation, in (0, 1]
     */
    public ThroughputEstimator(double defaultSpeed, double alpha) {
        if (defaultSpeed <= 0 || alpha <= 0 || alpha > 1) {
            throw new IllegalArgumentException("defaultSpeed must be > 0 and alpha in (0, 1]");
        }
        this.defaultSpeed = defaultSpeed;
        this.alpha = alpha;
    }

    /** Records a finished job. Very short jobs say little about throughput and are ignored. */
    public void record(String deviceId, Duration audio, Duration wall) {
        if (wall.toMillis() < 1000 || audio.isZero() || audio.isNegative()) {
            return;
        }
        double speed = audio.toMillis() / (double) wall.toMillis();
        byDevice.computeIfAbsent(deviceId, d -> new Stats()).add(speed, alpha);
    }

    /** The conservative speed used for planning, in audio seconds per wall second. */
    public double speed(String deviceId) {
        Stats s = byDevice.get(deviceId);
        return s == null ? defaultSpeed : s.conservative(defaultSpeed);
    }

    public Duration estimateRunTime(String deviceId, Duration audio) {
        return Duration.ofMillis((long) Math.ceil(audio.toMillis() / speed(deviceId)));
    }

    private static final class Stats {
        private static final int WARM_UP = 5;

        private double mean;
        private double variance;
        private int count;

        synchronized void add(double x, double alpha) {
            if (count++ == 0) {
                mean = x;
                return;
            }
            double diff = x - mean;
            mean += alpha * diff;
            variance = (1 - alpha) * (variance + alpha * diff * diff);
        }

        synchronized double conservative(double defaultSpeed) {
            double speed = Math.max(mean - 2 * Math.sqrt(variance), mean * 0.25);
            return count < WARM_UP ? Math.min(speed, defaultSpeed) : speed;
        }
    }
}
