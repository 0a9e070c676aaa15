package io.greenscribe.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The measured speed of a device and model, in audio seconds per wall second: total audio over
 * total run time of the latest {@link #SAMPLE} jobs that succeeded at their first attempt on it
 * (runs under a second say little and are left out). Read from the job table, so every instance
 * and every restart learns from the same runs; kept for a minute, since ETAs are read every 2 s.
 * Until such a job exists the configured default speaks.
 */
@RequiredArgsConstructor
class LearnedSpeeds {

    static final int SAMPLE = 20;
    private static final Duration KEEP = Duration.ofMinutes(1);

    /** @param audioSecondsPerSecond the speed; @param jobs how many runs it was learned from (0: the default) */
    record Speed(double audioSecondsPerSecond, int jobs) {}

    private record Cached(Speed speed, Instant at) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final double defaultSpeed;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    Speed of(String device, String model) {
        if (device == null) {
            return new Speed(defaultSpeed, 0);
        }
        Instant now = clock.instant();
        String key = device + "\n" + model;
        Cached c = cache.get(key);
        if (c == null || c.at().plus(KEEP).isBefore(now)) {
            c = new Cached(measure(device, model), now);
            cache.put(key, c);
        }
        return c.speed();
    }

    /** Forgets what was read, so the next ETA reads the runs again. */
    void forget() {
        cache.clear();
    }

    private Speed measure(String device, String model) {
        return jdbc.sql("""
                        select coalesce(sum(audio_seconds), 0), coalesce(sum(extract(epoch from finished_at - started_at)), 0),
                               count(*)
                        from (select audio_seconds, started_at, finished_at from transcription_job
                              where status = 'SUCCEEDED' and attempts = 1 and device = ? and model = ?
                                and audio_seconds > 0 and started_at is not null
                                and finished_at >= started_at + interval '1 second'
                              order by finished_at desc limit ?) r""")
                .params(device, model, SAMPLE)
                .query((rs, n) -> {
                    double audio = rs.getDouble(1);
                    double wall = rs.getDouble(2);
                    int jobs = rs.getInt(3);
                    return jobs == 0 || wall <= 0 ? new Speed(defaultSpeed, 0) : new Speed(audio / wall, jobs);
                })
                .single();
    }
}
