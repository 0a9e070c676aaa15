package io.greenscribe.job;

import io.greenscribe.queue.QueueMove;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Holds the queue's SQL moves to the transition table: each {@link QueueMove} must be the
 * {@link JobTransition} of the same name, with the same states. Run at start-up, so a server whose
 * queue statements disagree with the table does not start.
 */
@Component
class QueueMovesCheck implements InitializingBean {

    @Override
    public void afterPropertiesSet() {
        verify();
    }

    static void verify() {
        for (QueueMove move : QueueMove.values()) {
            JobTransition t;
            try {
                t = JobTransition.valueOf(move.name());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("The queue's move " + move + " is not in the job transition table.");
            }
            Set<JobStatus> from = move.from().stream()
                    .map(JobStatus::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(JobStatus.class)));
            if (JobStatus.valueOf(move.to()) != t.to() || !from.equals(t.from())) {
                throw new IllegalStateException("The queue's move " + move + " (" + move.from() + " → " + move.to()
                        + ") disagrees with the transition table (" + t.from() + " → " + t.to() + ").");
            }
        }
    }
}
