package io.greenscribe.carbon;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.testing.MutableClock;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CarbonConfigurationTests {

    final MutableClock clock = MutableClock.at("2025-06-02T00:00:00Z");
    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CarbonConfiguration.class)
            .withBean(Clock.class, () -> clock);

    @Test
    void theDefaultFeedIsTheRecordedTrace() {
        runner.run(
                ctx -> assertThat(ctx.getBean(CarbonIntensityFeed.class).name()).isEqualTo("trace:gb_ci.csv"));
    }

    @Test
    void theFeedIsChosenByProperty() {
        runner.withPropertyValues(
                        "greenscribe.carbon.feed=watttime",
                        "greenscribe.carbon.watttime.username=u",
                        "greenscribe.carbon.watttime.password=p")
                .run(ctx -> {
                    assertThat(ctx.getBean(CarbonIntensityFeed.class).name()).isEqualTo("watttime");
                    assertThat(ctx.getBean(CarbonProperties.class).toString()).doesNotContain("=p]");
                });
        runner.withPropertyValues("greenscribe.carbon.feed=uk-grid")
                .run(ctx -> assertThat(ctx.getBean(CarbonIntensityFeed.class).name())
                        .isEqualTo("ukgrid"));
    }

    @Test
    void naiveTraceTimesAreUtcUnlessAZoneIsSet() {
        runner.run(ctx -> assertThat(ctx.getBean(CarbonProperties.class).trace().timeZone())
                .isEqualTo(ZoneId.of("UTC")));
        runner.withPropertyValues("greenscribe.carbon.trace.time-zone=Europe/Berlin")
                .run(ctx -> assertThat(
                                ctx.getBean(CarbonProperties.class).trace().timeZone())
                        .isEqualTo(ZoneId.of("Europe/Berlin")));
    }
}
