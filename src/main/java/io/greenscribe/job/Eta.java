package io.greenscribe.job;

import java.time.Duration;
import java.time.Instant;

/**
 * When a running job should end. Two guesses are blended: the plan (the run's start plus the audio
 * at the learned speed) and the run's own pace (the time so far stretched by the share of speech
 * still to recognize); the further the run, the more its own pace counts. Windows pooled into one
 * recognizer batch commit together, so early on the share stays 0 for a while and the plan alone
 * speaks; a run behind its plan with nothing committed yet is due now.
 */
final class Eta {

    private Eta() {}

    /**
     * @param now the present
     * @param runStartedAt when this run began, or {@code null} (not running)
     * @param audioSeconds the decoded length, or {@code null} (decoding has not ended)
     * @param speed audio seconds per wall second for this device and model
     * @param fractionDone speech recognized over all speech, 0 to 1
     * @return the expected end, never before {@code now}; {@code null} when it cannot be told
     */
    static Instant estimate(Instant now, Instant runStartedAt, Double audioSeconds, double speed, double fractionDone) {
        if (runStartedAt == null || audioSeconds == null || speed <= 0 || audioSeconds < 0) {
            return null;
        }
        Instant planned = runStartedAt.plusMillis(Math.round(audioSeconds / speed * 1000));
        double f = Math.max(0, Math.min(1, fractionDone));
        if (f == 0) {
            return later(planned, now);
        }
        double elapsedMs = Math.max(0, Duration.between(runStartedAt, now).toMillis());
        double ownPaceMs = now.toEpochMilli() + elapsedMs * (1 - f) / f;
        double blended = planned.toEpochMilli() * (1 - f) + ownPaceMs * f;
        return later(Instant.ofEpochMilli(Math.round(blended)), now);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
