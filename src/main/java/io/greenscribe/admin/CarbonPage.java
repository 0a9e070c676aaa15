package io.greenscribe.admin;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.CarbonProperties;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.IntensitySlot;
import io.greenscribe.job.JobService;
import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The forecast curve with the waiting jobs on it at their planned starts, and realised versus counterfactual emissions. */
@Controller
@RequiredArgsConstructor
class CarbonPage {

    private static final Duration PAST = Duration.ofHours(12);
    private static final Duration AHEAD = Duration.ofHours(48);

    record Point(Instant at, double gCo2PerKwh) {}

    record Waiting(UUID id, String name, Instant runAt, Double intensity, String reason) {}

    record Measured(UUID id, String name, double gco2e, double counterfactualGco2e) {}

    /** Everything the page's two charts draw. */
    record Data(
            String zone,
            String source,
            String signal,
            String error,
            Instant now,
            List<Point> forecast,
            List<Waiting> waiting,
            List<Measured> measured,
            double energyWh,
            double realised,
            double counterfactual) {}

    private final CarbonIntensityFeed feed;
    private final CarbonProperties carbon;
    private final JobService jobs;
    private final ConsoleTenant tenant;
    private final Clock clock;

    @GetMapping("/admin/carbon")
    String page(Model model) {
        model.addAttribute("data", data());
        return "admin/carbon";
    }

    @GetMapping(path = "/admin/carbon/data", produces = "application/json")
    @ResponseBody
    Data data() {
        Instant now = clock.instant();
        List<Point> curve = new ArrayList<>();
        String source = feed.name();
        String signal = null;
        String error = null;
        CarbonForecast forecast = null;
        try {
            forecast = feed.forecast(GridZone.of(carbon.zone()), now.minus(PAST), now.plus(AHEAD));
            source = forecast.source();
            signal = forecast.signalType().name();
            for (IntensitySlot s : forecast.slots()) {
                curve.add(new Point(s.start(), s.gCo2PerKwh()));
                curve.add(new Point(s.end(), s.gCo2PerKwh()));
            }
        } catch (RuntimeException e) {
            error = e.getMessage();
        }
        UUID t = tenant.id();
        List<Waiting> waiting = new ArrayList<>();
        for (JobView j : jobs.list(t, JobStatus.WAITING_FOR_WINDOW, null, null, null, PageRequest.of(0, 200))) {
            Double intensity = j.scheduling().expectedIntensity();
            if ((intensity == null || intensity.isNaN())
                    && forecast != null
                    && j.scheduling().runAt() != null) {
                Instant at = j.scheduling().runAt();
                intensity = forecast.meanIntensity(at, at.plusSeconds(1)).orElse(null);
            }
            waiting.add(new Waiting(
                    j.id(),
                    j.audio().name(),
                    j.scheduling().runAt(),
                    intensity,
                    j.scheduling().reason() == null
                            ? null
                            : j.scheduling().reason().name()));
        }
        List<Measured> measured = new ArrayList<>();
        double energy = 0;
        double realised = 0;
        double counterfactual = 0;
        for (JobView j : jobs.list(t, JobStatus.SUCCEEDED, null, null, null, PageRequest.of(0, 500))) {
            if (j.carbon().gco2e() != null && j.carbon().counterfactualGco2e() != null) {
                energy += j.carbon().energyWh();
                realised += j.carbon().gco2e();
                counterfactual += j.carbon().counterfactualGco2e();
                if (measured.size() < 20) {
                    measured.add(new Measured(
                            j.id(),
                            j.audio().name(),
                            j.carbon().gco2e(),
                            j.carbon().counterfactualGco2e()));
                }
            }
        }
        return new Data(
                carbon.zone(), source, signal, error, now, curve, waiting, measured, energy, realised, counterfactual);
    }
}
