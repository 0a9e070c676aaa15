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

    /**
     * @param at when; @param state the state entered; @param reason the recorded reason (a key the
     *     console's bundles name), or null; @param worker who claimed it, set on the moves to RUNNING
     *     only; @param attempt the run it belongs to, counted from 1 over the job's life; @param message the recorded words, or null
     */
    record Step(Instant at, String state, String reason, String worker, int attempt, String message) {}

    /** @param number the run, counted from 1 over the job's life; @param worker who ran it; @param seconds run time, or null while it runs; @param outcome the state it ended in */
    record Attempt(int number, String worker, Double seconds, String outcome) {}

    static JobHistory of(List<JobEvent> events) {
        List<Step> steps = new ArrayList<>();
        List<Attempt> attempts = new ArrayList<>();
        JobEvent running = null;
        // runs are numbered in order over the job's whole life: the log's attempt counter starts
        // again after a retry (it counts towards the queue's attempt limit, not for people)
        int runs = 0;
        int run = 0;
        for (JobEvent e : events) {
            boolean claim = e.to() == JobStatus.RUNNING;
            if (claim) {
                runs++;
            }
            steps.add(new Step(
                    e.at(),
                    e.to().name(),
                    e.reason(),
                    claim ? String.valueOf(e.workerId()) : null,
                    runs,
                    e.message() == null || e.message().isBlank() ? null : e.message()));
            if (running != null && e.from() == JobStatus.RUNNING) {
                attempts.add(new Attempt(
                        run,
                        running.workerId(),
                        Duration.between(running.at(), e.at()).toMillis() / 1000.0,
                        e.to().name()));
                running = null;
            }
            if (claim) {
                running = e;
                run = runs;
            }
        }
        if (running != null) {
            attempts.add(new Attempt(run, running.workerId(), null, JobStatus.RUNNING.name()));
        }
        return new JobHistory(steps, attempts);
    }
}
