package io.greenscribe.admin;

import io.greenscribe.job.JobService;
import io.greenscribe.job.JobView;
import io.greenscribe.job.batch.BatchService;
import io.greenscribe.job.batch.BatchView;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Batches and their progress. {@link BatchService} has no list call, so the recent batches are the
 * distinct batches of the most recent jobs.
 */
@Controller
@RequiredArgsConstructor
class BatchPages {

    private static final int RECENT_JOBS = 500;
    private static final int MAX_BATCHES = 30;

    private final BatchService batches;
    private final JobService jobs;
    private final ConsoleTenant tenant;

    @GetMapping("/admin/batches")
    String list(Model model) {
        UUID t = tenant.id();
        Set<UUID> ids = new LinkedHashSet<>();
        for (JobView j : jobs.list(t, null, null, null, null, PageRequest.of(0, RECENT_JOBS))) {
            if (j.batchId() != null && ids.size() < MAX_BATCHES) {
                ids.add(j.batchId());
            }
        }
        List<BatchView> views = ids.stream().map(id -> batches.get(t, id)).toList();
        model.addAttribute("batches", views);
        return "admin/batches";
    }

    @GetMapping("/admin/batches/{id}")
    String batch(@PathVariable UUID id) {
        batches.get(tenant.id(), id);
        return "redirect:/admin/jobs?batch=" + id;
    }
}
