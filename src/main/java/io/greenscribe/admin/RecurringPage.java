package io.greenscribe.admin;

import io.greenscribe.recurring.RecurringBatchRequest;
import io.greenscribe.recurring.RecurringBatchService;
import io.greenscribe.system.GreenScribeException;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recurring batches through the same service as {@code /api/v1/recurring-batches}: list, create,
 * pause (the API's stop), resume, delete.
 */
@Controller
@RequiredArgsConstructor
class RecurringPage {

    private final RecurringBatchService recurring;
    private final ConsoleTenant tenant;
    private final ConsoleFormat fmt;

    /** A weekday as the form offers it: the API's name and the language's short name. */
    record Day(String value, String label) {}

    /** What the console's form sends; blank fields mean the API's defaults. */
    record Form(
            String name,
            String directory,
            String timeZone,
            List<String> days,
            String opensAt,
            String finishBy,
            String language,
            Integer priority,
            Boolean diarize,
            Integer speakers,
            Integer minSpeakers,
            Integer maxSpeakers) {

        RecurringBatchRequest request() {
            return new RecurringBatchRequest(
                    name,
                    directory,
                    blank(timeZone),
                    days,
                    opensAt,
                    finishBy,
                    blank(language),
                    null,
                    null,
                    null,
                    null,
                    priority,
                    null,
                    null,
                    diarize,
                    speakers,
                    minSpeakers,
                    maxSpeakers);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    @GetMapping("/admin/recurring")
    String list(Model model) {
        model.addAttribute("recurring", recurring.list(tenant.id()));
        model.addAttribute(
                "weekdays",
                java.util.Arrays.stream(DayOfWeek.values())
                        .map(d -> new Day(d.name().substring(0, 3), ConsoleFormat.dayName(d.name())))
                        .toList());
        model.addAttribute("zone", fmt.zone().getId());
        return "admin/recurring";
    }

    @PostMapping("/admin/recurring")
    String create(Form form, RedirectAttributes flash) {
        try {
            recurring.create(tenant.id(), form.request());
            flash.addFlashAttribute("message", fmt.text("recurring.created", form.name()));
        } catch (GreenScribeException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/recurring";
    }

    @PostMapping("/admin/recurring/{id}/pause")
    String pause(@PathVariable UUID id, RedirectAttributes flash) {
        return done(flash, "recurring.paused", () -> recurring.stop(tenant.id(), id));
    }

    @PostMapping("/admin/recurring/{id}/resume")
    String resume(@PathVariable UUID id, RedirectAttributes flash) {
        return done(flash, "recurring.resumed", () -> recurring.resume(tenant.id(), id));
    }

    @PostMapping("/admin/recurring/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes flash) {
        return done(flash, "recurring.deleted", () -> recurring.delete(tenant.id(), id));
    }

    private String done(RedirectAttributes flash, String messageKey, Runnable action) {
        action.run();
        flash.addFlashAttribute("message", fmt.text(messageKey));
        return "redirect:/admin/recurring";
    }
}
