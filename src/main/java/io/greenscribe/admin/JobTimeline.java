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
 * Data for the job page's timeline chart. The VAD windows are not part of the pipeline's public
 * API, so speech regions come from the finished transcript's segments; before that the chart
 * shows the audio's length and the window progress only.
 */
@RestController
@RequiredArgsConstructor
class JobTimeline {

    /** @param start seconds; @param end seconds; @param kind speech or skipped */
    record Region(double start, double end, String kind) {}

    record Timeline(double duration, List<Region> regions, int windowsDone, int windowsTotal) {}

    private final JobService jobs;
    private final ConsoleTenant tenant;

    @GetMapping("/admin/jobs/{id}/timeline")
    Timeline timeline(@PathVariable UUID id) {
        JobView job = jobs.get(tenant.id(), id);
        double duration =
                job.audio().durationSeconds() == null ? 0 : job.audio().durationSeconds();
        List<Region> regions = new ArrayList<>();
        if (job.status() == JobStatus.SUCCEEDED) {
            double at = 0;
            for (TimedSegment s : jobs.transcript(tenant.id(), id).segments()) {
                if (s.start() > at + 0.05) {
                    regions.add(new Region(at, s.start(), "skipped"));
                }
                regions.add(new Region(Math.max(at, s.start()), s.end(), "speech"));
                at = Math.max(at, s.end());
            }
            if (duration > at + 0.05) {
                regions.add(new Region(at, duration, "skipped"));
            }
        }
        return new Timeline(
                duration, regions, job.progress().windowsDone(), job.progress().windowsTotal());
    }
}
