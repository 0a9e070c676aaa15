package io.greenscribe.admin;

import io.greenscribe.job.JobEvent;
import io.greenscribe.job.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's life read from its event log: every state it entered, in order, with its reason, and the
 * run time of each attempt (from its claim to the move that ended that run).
 */
record JobHistory(List<Step> steps, List<Attempt> attempts) {

    /** @param at when; @param state the state entered; @param why the recorded reason, or null */
    record Step(Instant at, String state, String why) {}

    /** @param number the attempt; @param worker who ran it; @param seconds run time, or null while it runs; @param outcome the state it ended in */
    record Attempt(int number, String worker, Double seconds, String outcome) {}

    static JobHistory of(List<JobEvent> events) {
        List<Step> steps = new ArrayList<>();
        List<Attempt> attempts = new ArrayList<>();
        JobEvent running = null;
        for (JobEvent e : events) {
            steps.add(new Step(e.at(), e.to().name(), why(e)));
            if (running != null && e.from() == JobStatus.RUNNING) {
                attempts.add(new Attempt(
                        running.attempt(),
                        running.workerId(),
                        Duration.between(running.at(), e.at()).toMillis() / 1000.0,
                        e.to().name()));
                running = null;
            }
            if (e.to() == JobStatus.RUNNING) {
                running = e;
            }
        }
        if (running != null) {
            attempts.add(new Attempt(running.attempt(), running.workerId(), null, JobStatus.RUNNING.name()));
        }
        return new JobHistory(steps, attempts);
    }

    private static String why(JobEvent e) {
        String reason = e.reason() == null
                ? ""
                : e.reason().replace('-', ' ').replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        if (e.to() == JobStatus.RUNNING) {
            reason = "claimed by " + e.workerId() + " (attempt " + e.attempt() + ")";
        }
        if (e.message() != null && !e.message().isBlank()) {
            return reason.isEmpty() ? e.message() : reason + ": " + e.message();
        }
        return reason;
    }
}
