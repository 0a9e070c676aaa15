package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.system.ConflictException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobStatusTests {

    private static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-00000000a11c");

    @Test
    void theHappyPathIsAllowed() {
        // given a submitted job, when it goes through its life, then every move is allowed
        JobStatus s = JobStatus.SUBMITTED;
        s = JobTransition.ENQUEUE.apply(JOB, s);
        s = JobTransition.CLAIM.apply(JOB, s);
        s = JobTransition.SUCCEED.apply(JOB, s);
        assertThat(s).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(s.isFinished()).isTrue();
    }

    @Test
    void anExpiredLeaseReturnsARunningJobToTheQueueAndAFailedOrCancelledJobCanBeRetried() {
        assertThat(JobTransition.HAND_BACK.apply(JOB, JobStatus.RUNNING)).isEqualTo(JobStatus.QUEUED);
        assertThat(JobTransition.RETRY.apply(JOB, JobStatus.FAILED)).isEqualTo(JobStatus.QUEUED);
        assertThat(JobTransition.RETRY.apply(JOB, JobStatus.CANCELLED)).isEqualTo(JobStatus.QUEUED);
        assertThat(JobTransition.PROMOTE.apply(JOB, JobStatus.WAITING_FOR_WINDOW))
                .isEqualTo(JobStatus.QUEUED);
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"SUBMITTED", "WAITING_FOR_WINDOW", "QUEUED", "RUNNING", "SUCCEEDED"})
    void aRetryOfAJobThatHasOrHadARunIsRefusedNamingTheJob(JobStatus status) {
        // a running job already has a run; the lease-expiry move to QUEUED is not a retry
        assertThatThrownBy(() -> JobTransition.RETRY.apply(JOB, status))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(JOB.toString())
                .hasMessageContaining(status.name());
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"SUBMITTED", "WAITING_FOR_WINDOW", "QUEUED", "RUNNING"})
    void everyUnfinishedJobCanBeCancelled(JobStatus status) {
        assertThat(JobTransition.CANCEL.apply(JOB, status)).isEqualTo(JobStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"SUCCEEDED"})
    void finalStatesGoNowhere(JobStatus status) {
        for (JobStatus next : JobStatus.values()) {
            assertThat(status.canMoveTo(next)).as("%s -> %s", status, next).isFalse();
        }
    }

    @Test
    void anIllegalMoveThrowsNamingTheJobAndItsState() {
        assertThatThrownBy(() -> JobTransition.CLAIM.apply(JOB, JobStatus.SUCCEEDED))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(JOB.toString())
                .hasMessageContaining("SUCCEEDED");
        assertThatThrownBy(() -> JobTransition.SUCCEED.apply(JOB, JobStatus.QUEUED))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> JobTransition.CANCEL.apply(JOB, JobStatus.FAILED))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theQueuesSqlMovesAgreeWithTheTable() {
        QueueMovesCheck.verify(); // throws on any disagreement
        assertThat(JobStatus.QUEUED.canMoveTo(JobStatus.RUNNING)).isTrue();
        assertThat(JobStatus.QUEUED.canMoveTo(JobStatus.SUCCEEDED)).isFalse();
    }
}
