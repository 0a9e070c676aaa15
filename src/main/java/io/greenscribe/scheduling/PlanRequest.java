package io.greenscribe.scheduling;

import io.greenscribe.carbon.GridZone;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the planner needs to know about one job.
 *
 * @param jobId the job's id; the capacity ledger books under it
 * @param zone the grid zone the device draws power from
 * @param deviceId the device (or device pool) that will run it, e.g. {@code cuda:0}, {@code cpu}
 * @param audioDuration how much audio it holds; with the device throughput this gives the run time
 * @param earliestStart when it may start at the earliest (its submission, or a window opening)
 * @param deadline when it must be finished, or {@code null} for no deadline (runs at once)
 * @param runNow the user's "run now" override: skip carbon-aware waiting
 * @param runTime a known run time, or {@code null} to estimate it from {@code audioDuration}
 * @param interruptible it may pause between windows, so the global schedule may plan it in pieces
 */
public record PlanRequest(
        UUID jobId,
        GridZone zone,
        String deviceId,
        Duration audioDuration,
        Instant earliestStart,
        Instant deadline,
        boolean runNow,
        Duration runTime,
        boolean interruptible) {

    public PlanRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(audioDuration, "audioDuration");
        Objects.requireNonNull(earliestStart, "earliestStart");
        if (deadline != null && !deadline.isAfter(earliestStart)) {
            throw new IllegalArgumentException(
                    "job " + jobId + ": deadline " + deadline + " is not after " + earliestStart);
        }
    }

    /** A job that must finish by {@code deadline}. */
    public static PlanRequest withDeadline(
            UUID jobId, GridZone zone, String deviceId, Duration audio, Instant submittedAt, Instant deadline) {
        return new PlanRequest(jobId, zone, deviceId, audio, submittedAt, deadline, false, null, false);
    }

    /** A job with no deadline: it runs as soon as it is submitted. */
    public static PlanRequest withoutDeadline(
            UUID jobId, GridZone zone, String deviceId, Duration audio, Instant submittedAt) {
        return new PlanRequest(jobId, zone, deviceId, audio, submittedAt, null, false, null, false);
    }

    public PlanRequest runningNow() {
        return new PlanRequest(
                jobId, zone, deviceId, audioDuration, earliestStart, deadline, true, runTime, interruptible);
    }

    public PlanRequest withRunTime(Duration known) {
        return new PlanRequest(
                jobId, zone, deviceId, audioDuration, earliestStart, deadline, runNow, known, interruptible);
    }

    /** The same request, planned in pieces ({@code true}) or as one run. */
    public PlanRequest interruptibly(boolean may) {
        return new PlanRequest(jobId, zone, deviceId, audioDuration, earliestStart, deadline, runNow, runTime, may);
    }
}
