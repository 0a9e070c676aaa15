package io.greenscribe.carbon.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscribe.carbon.IntensitySlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naive time stamps read as local wall-clock time, across both DST changes of a year. */
class TraceTimeZoneTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @Test
    void theRepeatedHourOfAnAutumnChangeBecomesFourDistinctHalfHoursInOrder() throws IOException {
        // given a local trace over 25 Oct 2020, when 02:00-03:00 CEST is followed by 02:00-03:00 CET
        Path csv = write(
                "Time,Carbon Intensity",
                "2020-10-25 01:30:00,10",
                "2020-10-25 02:00:00,20",
                "2020-10-25 02:30:00,30",
                "2020-10-25 02:00:00,40",
                "2020-10-25 02:30:00,50",
                "2020-10-25 03:00:00,60");

        // when read in Europe/Berlin
        RecordedTrace t = RecordedTrace.read(csv, BERLIN);

        // then every reading keeps its own 30-min slot in UTC: 23:30Z, 00:00Z, 00:30Z, 01:00Z, 01:30Z, 02:00Z
        List<IntensitySlot> slots = t.slots(t.start(), t.end());
        assertThat(slots)
                .extracting(IntensitySlot::start)
                .containsExactly(
                        Instant.parse("2020-10-24T23:30:00Z"),
                        Instant.parse("2020-10-25T00:00:00Z"),
                        Instant.parse("2020-10-25T00:30:00Z"),
                        Instant.parse("2020-10-25T01:00:00Z"),
                        Instant.parse("2020-10-25T01:30:00Z"),
                        Instant.parse("2020-10-25T02:00:00Z"));
        assertThat(slots).extracting(IntensitySlot::gCo2PerKwh).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0);
    }

    @Test
    void theSkippedHourOfASpringChangeLeavesNoGap() throws IOException {
        // given a local trace over 29 Mar 2020: 02:00-03:00 does not exist on the wall clock
        Path csv = write(
                "Time,Carbon Intensity",
                "2020-03-29 01:00:00,10",
                "2020-03-29 01:30:00,20",
                "2020-03-29 03:00:00,30",
                "2020-03-29 03:30:00,40");

        RecordedTrace t = RecordedTrace.read(csv, BERLIN);

        // then 01:30 CET is followed half an hour later by 03:00 CEST
        List<IntensitySlot> slots = t.slots(t.start(), t.end());
        assertThat(slots).extracting(s -> Duration.between(s.start(), s.end())).containsOnly(Duration.ofMinutes(30));
        assertThat(slots.get(2).start()).isEqualTo(Instant.parse("2020-03-29T01:00:00Z"));
    }

    @Test
    void withoutAZoneNaiveStampsAreUtcAndStampsWithAnOffsetAreReadAsWritten() throws IOException {
        Path naive = write("Time,Carbon Intensity", "2020-10-25 02:00:00,20", "2020-10-25 02:30:00,30");
        assertThat(RecordedTrace.read(naive).start()).isEqualTo(Instant.parse("2020-10-25T02:00:00Z"));

        Path utc = write(
                "Datetime (UTC),Country,Carbon Intensity gCO₂eq/kWh (LCA)",
                "2022-01-01T00:00:00Z,ES,100",
                "2022-01-01T01:00:00Z,ES,110");
        assertThat(RecordedTrace.read(utc, BERLIN).start()).isEqualTo(Instant.parse("2022-01-01T00:00:00Z"));
    }

    private Path write(String... lines) throws IOException {
        Path p = Files.createTempFile(dir, "trace", ".csv");
        Files.write(p, List.of(lines));
        return p;
    }
}
