package io.greenscribe.admin;

import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.CarbonProperties;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.job.JobService;
import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.webhook.DeliveryAttempt;
import io.greenscribe.webhook.JdbcDeliveryLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** What needs an operator: the carbon feed failing, failed jobs, models that jobs want but are not installed. */
@Component
class Problems {

    /**
     * @param kind feed, job, model or webhook; @param key names the texts {@code problems.KEY.title}
     *     and {@code problems.KEY.detail} of the console's bundles; @param args their arguments (names,
     *     the server's own error words); @param link where to act, or null
     */
    record Problem(String kind, String key, List<Object> args, String link) {

        /** The arguments as the templates' {@code #messages.msgWithParams} takes them. */
        public Object[] arguments() {
            return args.toArray();
        }
    }

    // A feed that times out would otherwise slow every page that shows the problem count.
    private static final Duration FEED_CHECK_EVERY = Duration.ofMinutes(1);

    private final JobService jobs;
    private final JdbcDeliveryLog deliveries;
    private final TranscriptionPipeline pipeline;
    private final CarbonIntensityFeed feed;
    private final CarbonProperties carbon;
    private final ConsoleTenant tenant;
    private final Clock clock;
    private final String defaultModel;
    private volatile Instant feedCheckedAt = Instant.MIN;
    private volatile Problem feedProblem;

    Problems(
            JobService jobs,
            JdbcDeliveryLog deliveries,
            TranscriptionPipeline pipeline,
            CarbonIntensityFeed feed,
            CarbonProperties carbon,
            ConsoleTenant tenant,
            Clock clock,
            @Value("${greenscribe.pipeline.default-model:whisper-tiny.en}") String defaultModel) {
        this.jobs = jobs;
        this.deliveries = deliveries;
        this.pipeline = pipeline;
        this.feed = feed;
        this.carbon = carbon;
        this.tenant = tenant;
        this.clock = clock;
        this.defaultModel = defaultModel;
    }

    List<Problem> current() {
        List<Problem> problems = new ArrayList<>();
        Problem feedNow = feed();
        if (feedNow != null) {
            problems.add(feedNow);
        }
        List<String> installed = pipeline.installedModels();
        Set<String> wanted = new LinkedHashSet<>(List.of(defaultModel));
        for (JobStatus waiting : List.of(JobStatus.QUEUED, JobStatus.WAITING_FOR_WINDOW)) {
            jobs.list(tenant.id(), waiting, null, null, null, PageRequest.of(0, 200))
                    .forEach(j -> wanted.add(j.model()));
        }
        wanted.stream()
                .filter(m -> m != null && !installed.contains(m))
                .forEach(m -> problems.add(
                        new Problem("model", "model", List.of(m, String.join(", ", installed)), "/admin/device")));
        for (JobView j : jobs.list(tenant.id(), JobStatus.FAILED, null, null, null, PageRequest.of(0, 20))) {
            problems.add(new Problem(
                    "job", "job", List.of(j.audio().name(), String.valueOf(j.error())), "/admin/jobs/" + j.id()));
        }
        for (JdbcDeliveryLog.Undelivered u : deliveries.undelivered(tenant.id(), 20)) {
            DeliveryAttempt last = u.last();
            problems.add(new Problem(
                    "webhook",
                    last.outcome() == DeliveryAttempt.Outcome.REFUSED ? "webhookRefused" : "webhookGaveUp",
                    List.of(
                            u.audioName(),
                            String.valueOf(last.error()),
                            u.jobId().toString(),
                            last.attempt()),
                    "/admin/jobs/" + u.jobId()));
        }
        return problems;
    }

    private Problem feed() {
        Instant now = clock.instant();
        if (Duration.between(feedCheckedAt, now).compareTo(FEED_CHECK_EVERY) >= 0) {
            feedProblem = checkFeed(now);
            feedCheckedAt = now;
        }
        return feedProblem;
    }

    private Problem checkFeed(Instant now) {
        try {
            CarbonForecast forecast = feed.forecast(GridZone.of(carbon.zone()), now, now.plus(Duration.ofHours(24)));
            return forecast.isEmpty()
                    ? new Problem("feed", "feedEmpty", List.of(carbon.zone(), feed.name()), "/admin/carbon")
                    : null;
        } catch (RuntimeException e) {
            return new Problem(
                    "feed", "feedFailing", List.of(feed.name(), String.valueOf(e.getMessage())), "/admin/carbon");
        }
    }
}
