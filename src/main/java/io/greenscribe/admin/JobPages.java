package io.greenscribe.admin;

import io.greenscribe.job.JobService;
import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.webhook.Webhooks;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The jobs list (the console's home), one job's page, and the actions on jobs. */
@Controller
@RequestMapping("/admin")
@RequiredArgsConstructor
class JobPages {

    private static final int PAGE_SIZE = 50;

    private final JobService jobs;
    private final ConsoleUploads uploads;
    private final ConsoleTenant tenant;
    private final Problems problems;
    private final Webhooks webhooks;
    private final ConsoleFormat fmt;

    @GetMapping({"", "/", "/jobs"})
    String list(
            @RequestParam(required = false) JobStatus state,
            @RequestParam(required = false) UUID batch,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        rows(state, batch, page, model);
        model.addAttribute("states", JobStatus.values());
        model.addAttribute("problemCount", problems.current().size());
        return "admin/jobs";
    }

    /** The table alone, which the jobs page re-fetches every few seconds for live progress. */
    @GetMapping("/jobs/rows")
    String rows(
            @RequestParam(required = false) JobStatus state,
            @RequestParam(required = false) UUID batch,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<JobView> result =
                jobs.list(tenant.id(), state, batch, null, null, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("jobs", result.getContent());
        model.addAttribute("page", result);
        model.addAttribute("state", state);
        model.addAttribute("batch", batch);
        return "admin/jobs :: rows";
    }

    @PostMapping("/jobs")
    String submit(
            @RequestParam(value = "files", required = false) List<MultipartFile> files,
            ConsoleUploads.Form form,
            RedirectAttributes flash) {
        try {
            ConsoleUploads.Result result = uploads.submit(tenant.id(), files, form, fmt.zone());
            if (result.batch()) {
                flash.addFlashAttribute("message", fmt.text("flash.batch", result.files()));
                return "redirect:/admin/jobs?batch=" + result.id();
            }
            flash.addFlashAttribute("message", fmt.text("flash.submitted"));
            return "redirect:/admin/jobs/" + result.id();
        } catch (GreenScribeException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/jobs";
        }
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        live(id, model);
        JobView job = (JobView) model.getAttribute("job");
        if (job.status() == JobStatus.SUCCEEDED && job.retention().transcriptDeletedAt() == null) {
            io.greenscribe.text.TranscriptDocument transcript = jobs.transcript(tenant.id(), id);
            model.addAttribute("transcript", transcript);
            // the timeline's legend: each speaker once, in number order (empty when not diarized)
            model.addAttribute(
                    "speakers",
                    transcript.segments().stream()
                            .map(io.greenscribe.text.TimedSegment::speaker)
                            .filter(java.util.Objects::nonNull)
                            .distinct()
                            .sorted()
                            .toList());
        }
        model.addAttribute("formats", io.greenscribe.text.TranscriptFormat.values());
        return "admin/job";
    }

    /** The parts of a job's page that move while it runs: state, progress, history. */
    @GetMapping("/jobs/{id}/live")
    String live(@PathVariable UUID id, Model model) {
        JobView job = jobs.get(tenant.id(), id);
        model.addAttribute("job", job);
        model.addAttribute("history", JobHistory.of(jobs.events(tenant.id(), id)));
        return "admin/job :: live";
    }

    @PostMapping("/jobs/{id}/cancel")
    String cancel(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, fmt.text("flash.cancelled"), () -> jobs.cancel(tenant.id(), id, false));
    }

    @PostMapping("/jobs/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, fmt.text("flash.retried"), () -> jobs.retry(tenant.id(), id));
    }

    @PostMapping("/jobs/{id}/run-now")
    String runNow(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, fmt.text("flash.runNow"), () -> jobs.runNow(tenant.id(), id));
    }

    @PostMapping("/jobs/{id}/priority")
    String priority(@PathVariable UUID id, @RequestParam int value, RedirectAttributes flash) {
        return act(id, flash, fmt.text("flash.priority", value), () -> jobs.changePriority(tenant.id(), id, value));
    }

    /** Sends a finished job's completion notice again, as {@code POST /api/v1/jobs/{id}/webhook/redeliver} does. */
    @PostMapping("/jobs/{id}/webhook/redeliver")
    String redeliver(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, fmt.text("flash.redelivered"), () -> {
            JobView job = jobs.get(tenant.id(), id);
            if (job.options().callbackUrl() == null || !job.status().isFinished()) {
                throw new GreenScribeException(fmt.text("flash.noRedelivery"));
            }
            webhooks.send(id, job.options().callbackUrl(), job);
        });
    }

    private static String act(UUID id, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (GreenScribeException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/jobs/" + id;
    }
}
