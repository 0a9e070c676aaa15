package io.greenscribe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.system.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobStatusTests {

    @Test
    void theHappyPathIsAllowed() {
        // given a submitted job, when it goes through its life, then every move is allowed
        JobStatus s = JobStatus.SUBMITTED;
        s = s.moveTo(JobStatus.QUEUED);
        s = s.moveTo(JobStatus.RUNNING);
        s = s.moveTo(JobStatus.SUCCEEDED);
        assertThat(s).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(s.isFinished()).isTrue();
    }

    @Test
    void anExpiredLeaseReturnsARunningJobToTheQueueAndAFailedJobCanBeRetried() {
        assertThat(JobStatus.RUNNING.canMoveTo(JobStatus.QUEUED)).isTrue();
        assertThat(JobStatus.FAILED.moveTo(JobStatus.QUEUED)).isEqualTo(JobStatus.QUEUED);
        assertThat(JobStatus.WAITING_FOR_WINDOW.moveTo(JobStatus.QUEUED)).isEqualTo(JobStatus.QUEUED);
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"SUBMITTED", "WAITING_FOR_WINDOW", "QUEUED", "RUNNING"})
    void everyUnfinishedJobCanBeCancelled(JobStatus status) {
        assertThat(status.moveTo(JobStatus.CANCELLED)).isEqualTo(JobStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"SUCCEEDED", "CANCELLED"})
    void finalStatesGoNowhere(JobStatus status) {
        for (JobStatus next : JobStatus.values()) {
            assertThat(status.canMoveTo(next)).as("%s -> %s", status, next).isFalse();
        }
    }

    @Test
    void anIllegalMoveThrowsNamingBothStates() {
        // when a succeeded job is moved back to running, then it throws a 409-mapped error
        assertThatThrownBy(() -> JobStatus.SUCCEEDED.moveTo(JobStatus.RUNNING))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("SUCCEEDED").hasMessageContaining("RUNNING");
        assertThatThrownBy(() -> JobStatus.QUEUED.moveTo(JobStatus.SUCCEEDED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> JobStatus.FAILED.moveTo(JobStatus.CANCELLED)).isInstanceOf(ConflictException.class);
    }
}
