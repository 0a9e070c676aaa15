package io.greenscribe.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.StubFeed;
import io.greenscribe.scheduling.CapacityLedger;
import io.greenscribe.scheduling.CarbonPlanner;
import io.greenscribe.scheduling.OutagePolicy;
import io.greenscribe.scheduling.PlanRequest;
import io.greenscribe.scheduling.PlannerPolicy;
import io.greenscribe.scheduling.SchedulingDecision;
import io.greenscribe.scheduling.SchedulingDecision.Reason;
import io.greenscribe.scheduling.ThroughputEstimator;
import io.greenscribe.testing.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RecurringBatchTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final RecurringBatch nightly = RecurringBatch.nightly(
            "archive", BERLIN, LocalTime.of(22, 0), LocalTime.of(7, 0), GridZone.of("DE"), "cpu", Duration.ofHours(1));

    @Test
    void aNightlyWindowFollowsTheLocalClockAcrossDaylightSaving() {
        // when: the night the clocks go forward (2024-03-31)
        var occ = nightly.occurrences(Instant.parse("2024-03-30T00:00:00Z"), Instant.parse("2024-04-01T00:00:00Z"));

        // then
        assertThat(occ)
                .extracting(RecurringBatch.Occurrence::opens)
                .containsExactly(Instant.parse("2024-03-30T21:00:00Z"), Instant.parse("2024-03-31T20:00:00Z"));
        assertThat(occ.get(0).deadline()).isEqualTo(Instant.parse("2024-03-31T05:00:00Z"));
        assertThat(occ.get(0).jobId()).isEqualTo("archive@2024-03-30");
    }

    @Test
    void onlyTheConfiguredDaysOpenAWindow() {
        RecurringBatch weekdays = new RecurringBatch(
                "w",
                BERLIN,
                EnumSet.of(DayOfWeek.MONDAY),
                LocalTime.of(1, 0),
                LocalTime.of(6, 0),
                GridZone.of("DE"),
                "cpu",
                Duration.ofHours(1));
        assertThat(weekdays.occurrences(Instant.parse("2024-03-31T00:00:00Z"), Instant.parse("2024-04-07T00:00:00Z")))
                .singleElement()
                .satisfies(o -> assertThat(o.opens()).isEqualTo(Instant.parse("2024-03-31T23:00:00Z")));
    }

    @Test
    void eachOccurrenceIsPlacedInTheGreenestFeasibleWindow() {
        // given at noon, a forecast from 20:00 UTC whose greenest hour is 02:00 UTC
        MutableClock clock = MutableClock.at("2024-06-10T12:00:00Z");
        StubFeed feed = new StubFeed(clock)
                .serve(
                        Instant.parse("2024-06-10T12:00:00Z"),
                        Duration.ofHours(1),
                        400,
                        400,
                        400,
                        400,
                        400,
                        400,
                        400,
                        400,
                        300,
                        300,
                        300,
                        300,
                        300,
                        300,
                        100,
                        300,
                        300,
                        300,
                        300,
                        300);
        CarbonPlanner planner = new CarbonPlanner(
                feed,
                clock,
                new ThroughputEstimator(1.0, 0.2),
                CapacityLedger.unlimited(),
                PlannerPolicy.greedy(1.0, Duration.ZERO, 0, Duration.ofHours(48), OutagePolicy.RUN_NOW));

        // when
        PlanRequest request = nightly.nextRequest(clock.instant());
        SchedulingDecision d = planner.plan(request);

        // then: the window is 20:00Z (22:00 CEST) .. 05:00Z (07:00 CEST)
        assertThat(request.earliestStart()).isEqualTo(Instant.parse("2024-06-10T20:00:00Z"));
        assertThat(request.deadline()).isEqualTo(Instant.parse("2024-06-11T05:00:00Z"));
        assertThat(d.runAt()).isEqualTo(Instant.parse("2024-06-11T02:00:00Z"));
        assertThat(d.reason()).isEqualTo(Reason.GREENEST_WINDOW);
    }
}
