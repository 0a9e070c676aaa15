package io.greenscribe.admin;

import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's state history with reasons, read back from what its view records: the lifecycle instants,
 * the scheduling decision and the error. The job keeps no event log, so a state it passed through
 * more than once (re-queued after a lost lease, retried) shows only its latest visit.
 */
record JobHistory(List<Step> steps) {

    /** @param at when; @param state the state entered; @param why the recorded reason, or null */
    record Step(Instant at, String state, String why) {}

    static JobHistory of(JobView job) {
        List<Step> steps = new ArrayList<>();
        JobView.Timings t = job.timings();
        JobView.Scheduling s = job.scheduling();
        steps.add(new Step(t.createdAt(), JobStatus.SUBMITTED.name(), "received " + job.audio().name()));
        String decision = decision(s);
        boolean waited = s.runAt() != null && s.runAt().isAfter(t.createdAt());
        if (waited) {
            steps.add(new Step(t.createdAt(), JobStatus.WAITING_FOR_WINDOW.name(),
                    decision + " (planned start " + s.runAt() + ")"));
        }
        if (t.queuedAt() != null) {
            steps.add(new Step(t.queuedAt(), JobStatus.QUEUED.name(), waited ? "planned start reached" : decision));
        }
        if (t.startedAt() != null) {
            steps.add(new Step(t.startedAt(), JobStatus.RUNNING.name(), "claimed by a worker (attempt "
                    + job.attempts() + (job.device() == null ? "" : ", " + job.device()) + ")"));
        }
        if (t.finishedAt() != null) {
            steps.add(new Step(t.finishedAt(), job.status().name(), job.error()));
        } else if (job.status() == JobStatus.CANCELLED) {
            steps.add(new Step(null, job.status().name(), null));
        }
        return new JobHistory(steps);
    }

    private static String decision(JobView.Scheduling s) {
        String why = s.reason() == null ? "no scheduling reason recorded" : s.reason().label();
        if (s.detail() != null && !s.detail().isBlank()) {
            why += ": " + s.detail();
        }
        if (s.expectedIntensity() != null && !s.expectedIntensity().isNaN()) {
            why += String.format(" — expected %.0f gCO2e/kWh", s.expectedIntensity());
        }
        return why;
    }
}
