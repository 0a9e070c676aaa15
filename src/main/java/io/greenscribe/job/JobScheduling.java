package io.greenscribe.job;

import java.time.Instant;

/**
 * Decides when a submitted job may run. The default runs it at once (or at its not-before time);
 * the carbon planner plugs in here to wait for a greener window before the deadline. A decision
 * never blocks a job: an implementation that cannot decide returns "run now" with its reason.
 */
public interface JobScheduling {

    /**
     * @param request what the job asked for and when it was submitted
     * @return when to run it and why
     */
    Decision decide(Request request);

    /**
     * @param jobId the job
     * @param submittedAt when it arrived
     * @param deadline latest completion the client accepts, or {@code null}
     * @param notBefore earliest start the client accepts, or {@code null}
     * @param audioSeconds length of the audio when known (0 when not yet decoded)
     */
    record Request(java.util.UUID jobId, Instant submittedAt, Instant deadline, Instant notBefore, double audioSeconds) {}

    /**
     * @param runAt earliest start; the queue hands the job out from then on
     * @param reason short machine-readable reason (run-now, not-before, greenest-window, …)
     * @param detail a sentence for people
     * @param expectedIntensity expected grid intensity (gCO2e/kWh) over the run from {@code runAt}, or {@code null}
     * @param baselineIntensity expected intensity had it started as early as it could, or {@code null}
     * @param expectedSavingPct the saving the chosen start promises against that, in %, or {@code null}
     */
    record Decision(Instant runAt, String reason, String detail, Double expectedIntensity, Double baselineIntensity,
            Double expectedSavingPct) {

        /** A decision that involved no forecast. */
        public Decision(Instant runAt, String reason, String detail, Double expectedIntensity) {
            this(runAt, reason, detail, expectedIntensity, null, null);
        }
    }
}
