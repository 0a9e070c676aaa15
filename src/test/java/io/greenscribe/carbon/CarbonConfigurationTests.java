package io.greenscribe.carbon;

import io.greenscribe.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.SchedulingDecision.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CarbonConfigurationTests {

    final MutableClock clock = MutableClock.at("2025-06-02T00:00:00Z");
    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CarbonConfiguration.class)
            .withBean(Clock.class, () -> clock);

    @Test
    void theDefaultFeedIsTheRecordedTrace() {
        runner.run(ctx -> {
            assertThat(ctx.getBean(CarbonIntensityFeed.class).name()).isEqualTo("trace:gb_ci.csv");
            SchedulingDecision d = ctx.getBean(CarbonPlanner.class).plan(PlanRequest.withDeadline("j", GridZone.of("GB"),
                    "cpu", Duration.ofMinutes(30), clock.instant(), clock.instant().plus(Duration.ofHours(12))));
            assertThat(d.forecastSource()).isEqualTo("trace:gb_ci.csv");
            assertThat(d.reason()).isIn(Reason.GREENEST_NOW, Reason.GREENEST_WINDOW, Reason.SAVING_TOO_SMALL);
        });
    }

    @Test
    void theFeedIsChosenByProperty() {
        runner.withPropertyValues("greenscribe.carbon.feed=watttime", "greenscribe.carbon.watttime.username=u",
                        "greenscribe.carbon.watttime.password=p")
                .run(ctx -> {
                    assertThat(ctx.getBean(CarbonIntensityFeed.class).name()).isEqualTo("watttime");
                    assertThat(ctx.getBean(CarbonProperties.class).toString()).doesNotContain("=p]");
                });
        runner.withPropertyValues("greenscribe.carbon.feed=uk-grid")
                .run(ctx -> assertThat(ctx.getBean(CarbonIntensityFeed.class).name()).isEqualTo("ukgrid"));
    }

    @Test
    void anUnreadableTraceLeavesPlanningOnTheOutagePolicy() {
        runner.withPropertyValues("greenscribe.carbon.trace.file=/nonexistent.csv").run(ctx -> {
            SchedulingDecision d = ctx.getBean(CarbonPlanner.class).plan(PlanRequest.withDeadline("j", GridZone.of("GB"),
                    "cpu", Duration.ofMinutes(30), clock.instant(), clock.instant().plus(Duration.ofHours(12))));
            assertThat(d.reason()).isEqualTo(Reason.FEED_UNAVAILABLE);
            assertThat(d.runAt()).isBefore(Instant.parse("2025-06-02T12:00:00Z"));
        });
    }
}
