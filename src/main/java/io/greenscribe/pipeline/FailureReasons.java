package io.greenscribe.pipeline;

import io.greenscribe.system.GreenScribeException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.TransientDataAccessException;

/** Turns a failed execution into one sentence for the user: our own errors speak for themselves. */
final class FailureReasons {

    private FailureReasons() {}

    /** Whether it failed only because the database refused for a moment (lock, serialization, unreachable). */
    static boolean isTransient(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED) {
            return false;
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            if (StopRequests.isHandedBack(t)) {
                return true; // asked to stop: handed back with its finished windows, not failed
            }
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof TransientDataAccessException
                        || c instanceof org.springframework.dao.DataAccessResourceFailureException) {
                    return true;
                }
            }
        }
        return false;
    }

    static String of(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return "Stopped before it finished.";
        }
        List<Throwable> failures = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            failures.addAll(step.getFailureExceptions());
        }
        failures.addAll(execution.getAllFailureExceptions());
        Throwable first = null;
        for (Throwable t : failures) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof GreenScribeException) {
                    return c.getMessage();
                }
            }
            if (first == null) {
                first = t;
            }
        }
        return first == null
                ? "The pipeline ended with status " + execution.getStatus() + "."
                : "Internal error: " + first.getClass().getSimpleName() + ": " + first.getMessage();
    }
}
