package io.greenscribe.admin;

import io.greenscribe.job.JobService;
import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import io.greenscribe.text.TimedSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data for the job page's timeline chart: the speech regions of the finished transcript's
 * segments, and the real VAD windows as planned in the window table with their state (pending,
 * running, done), so a running job's chart shows where its speech is and which windows committed.
 * A diarized job's speech regions name their speaker, so the chart colours them as the transcript does.
 */
@RestController
@RequiredArgsConstructor
class JobTimeline {

    /**
     * @param start seconds
     * @param end seconds
     * @param kind speech or skipped
     * @param speaker who spoke, numbered from 1, for speech of a diarized job; else {@code null}
     */
    record Region(double start, double end, String kind, Integer speaker) {}

    record Timeline(
            double duration, List<Region> regions, List<JobView.Window> windows, int windowsDone, int windowsTotal) {}

    private final JobService jobs;
    private final ConsoleTenant tenant;

    @GetMapping("/admin/jobs/{id}/timeline")
    Timeline timeline(@PathVariable UUID id) {
        JobView job = jobs.get(tenant.id(), id);
        double duration =
                job.audio().durationSeconds() == null ? 0 : job.audio().durationSeconds();
        List<Region> regions = new ArrayList<>();
        if (job.status() == JobStatus.SUCCEEDED && job.retention().transcriptDeletedAt() == null) {
            double at = 0;
            for (TimedSegment s : jobs.transcript(tenant.id(), id).segments()) {
                if (s.start() > at + 0.05) {
                    regions.add(new Region(at, s.start(), "skipped", null));
                }
                regions.add(new Region(Math.max(at, s.start()), s.end(), "speech", s.speaker()));
                at = Math.max(at, s.end());
            }
            if (duration > at + 0.05) {
                regions.add(new Region(at, duration, "skipped", null));
            }
        }
        List<JobView.Window> windows = jobs.windows(tenant.id(), id);
        if (duration == 0 && !windows.isEmpty()) {
            duration = windows.get(windows.size() - 1).end();
        }
        return new Timeline(
                duration,
                regions,
                windows,
                job.progress().windowsDone(),
                job.progress().windowsTotal());
    }
}
