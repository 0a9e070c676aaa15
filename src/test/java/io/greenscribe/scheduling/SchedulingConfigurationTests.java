package io.greenscribe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.GridZone;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import io.greenscribe.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

class SchedulingConfigurationTests {

    final MutableClock clock = MutableClock.at("2025-06-02T00:00:00Z");
    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(carbonConfiguration(), SchedulingConfiguration.class)
            .withBean(Clock.class, () -> clock)
            // the job store and the database the books are kept against: none here, so nothing to book
            .withBean(PlannedJobs.class, () -> Mockito.mock(PlannedJobs.class))
            .withBean(JdbcTemplate.class, () -> Mockito.mock(JdbcTemplate.class));

    @Test
    void thePlannerPlansOnTheDefaultTrace() {
        runner.run(ctx -> {
            SchedulingDecision d = ctx.getBean(CarbonPlanner.class).plan(request());
            assertThat(d.forecastSource()).isEqualTo("trace:gb_ci.csv");
            assertThat(d.reason()).isIn(Reason.GREENEST_NOW, Reason.GREENEST_WINDOW, Reason.SAVING_TOO_SMALL);
        });
    }

    @Test
    void anUnreadableTraceLeavesPlanningOnTheOutagePolicy() {
        runner.withPropertyValues("greenscribe.carbon.trace.file=/nonexistent.csv")
                .run(ctx -> {
                    SchedulingDecision d = ctx.getBean(CarbonPlanner.class).plan(request());
                    assertThat(d.reason()).isEqualTo(Reason.FEED_UNAVAILABLE);
                    assertThat(d.runAt()).isBefore(Instant.parse("2025-06-02T12:00:00Z"));
                });
    }

    @Test
    void withCarbonOffEveryJobRunsAsSoonAsItMay() {
        runner.withPropertyValues("greenscribe.carbon.enabled=false").run(ctx -> {
            SchedulingDecision d = ctx.getBean(JobScheduling.class)
                    .decide(new SchedulingRequest(
                            TestIds.id("j"),
                            clock.instant(),
                            clock.instant().plus(Duration.ofHours(12)),
                            null,
                            Duration.ofMinutes(30),
                            false));
            assertThat(d.reason()).isEqualTo(Reason.RUN_NOW);
            assertThat(d.runAt()).isEqualTo(clock.instant());
        });
    }

    private PlanRequest request() {
        return PlanRequest.withDeadline(
                TestIds.id("j"),
                GridZone.of("GB"),
                "cpu",
                Duration.ofMinutes(30),
                clock.instant(),
                clock.instant().plus(Duration.ofHours(12)));
    }

    /** The feeds' own configuration, package-private in carbon/, as the application wires it. */
    private static Class<?> carbonConfiguration() {
        try {
            return Class.forName("io.greenscribe.carbon.CarbonConfiguration");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
