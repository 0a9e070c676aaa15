package io.greenscribe.admin;

import io.greenscribe.asr.DeviceMemory;
import io.greenscribe.asr.SpeechModels;
import io.greenscribe.job.JobService;
import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The device, its models and memory, recent throughput; unload and clear-cache act on {@link SpeechModels}. */
@Controller
class DevicePage {

    private static final int RECENT = 20;

    /** One finished job's speed: seconds of audio per second of run time. */
    record Throughput(
            String name, Instant finishedAt, double audioSeconds, double runSeconds, double realtime, String device) {}

    private final SpeechModels models;
    private final JobService jobs;
    private final ConsoleTenant tenant;

    private final ConsoleFormat fmt;

    DevicePage(SpeechModels models, JobService jobs, ConsoleTenant tenant, ConsoleFormat fmt) {
        this.fmt = fmt;
        this.models = models;
        this.jobs = jobs;
        this.tenant = tenant;
    }

    @GetMapping("/admin/device")
    String device(Model model) {
        model.addAttribute("status", models.status());
        model.addAttribute("throughput", throughput());
        return "admin/device";
    }

    @GetMapping(path = "/admin/device/throughput", produces = "application/json")
    @ResponseBody
    List<Throughput> throughput() {
        return jobs.list(tenant.id(), JobStatus.SUCCEEDED, null, null, null, PageRequest.of(0, RECENT)).stream()
                .filter(j -> j.audio().durationSeconds() != null
                        && j.timings().runSeconds() != null
                        && j.timings().runSeconds() > 0)
                .map(DevicePage::throughput)
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
                    java.util.Collections.reverse(l); // oldest first, as a chart reads
                    return l;
                }));
    }

    private static Throughput throughput(JobView j) {
        double audio = j.audio().durationSeconds();
        double run = j.timings().runSeconds();
        return new Throughput(j.audio().name(), j.timings().finishedAt(), audio, run, audio / run, j.device());
    }

    @PostMapping("/admin/device/unload")
    String unload(@RequestParam String name, RedirectAttributes flash) {
        flash.addFlashAttribute("message", fmt.text(models.unload(name) ? "flash.unloaded" : "flash.notLoaded", name));
        return "redirect:/admin/device";
    }

    @PostMapping("/admin/device/clear-cache")
    String clearCache(RedirectAttributes flash) {
        DeviceMemory memory = models.clearCache();
        flash.addFlashAttribute("message", fmt.text("flash.cacheCleared", memory.device()));
        return "redirect:/admin/device";
    }
}
