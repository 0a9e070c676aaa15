package io.greenscribe.carbon.trace;

import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.CarbonFeedException.Kind;
import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.IntensitySlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded trace served as a perfect forecast. With {@code loop}, times outside the trace are
 * mapped into it by whole weeks (whole days for traces shorter than a week), which keeps the daily
 * and weekly shape, so a development server can run on a 2020 trace today.
 */
public final class TraceCarbonFeed implements CarbonIntensityFeed {

    private static final Duration WEEK = Duration.ofDays(7);

    private final RecordedTrace trace;
    private final boolean loop;
    private final Clock clock;
    private final long periodSec;

    public TraceCarbonFeed(RecordedTrace trace, boolean loop, Clock clock) {
        this.trace = trace;
        this.loop = loop;
        this.clock = clock;
        Duration span = trace.span();
        Duration unit = span.compareTo(WEEK) >= 0 ? WEEK : Duration.ofDays(1);
        long units = span.getSeconds() / unit.getSeconds();
        this.periodSec = units > 0 ? units * unit.getSeconds() : span.getSeconds();
    }

    @Override
    public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
        // The trace works in whole seconds: take the whole seconds around the range, then clip to the
        // exact range, so a few seconds' job run is covered to its last millisecond.
        Instant a = from.truncatedTo(ChronoUnit.SECONDS);
        Instant b = to.truncatedTo(ChronoUnit.SECONDS).equals(to)
                ? to
                : to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        List<IntensitySlot> slots = loop ? looped(a, b) : trace.slots(a, b);
        if (slots.isEmpty()) {
            throw new CarbonFeedException(
                    Kind.NO_DATA,
                    name(),
                    "trace " + trace.name() + " covers " + trace.start() + " .. " + trace.end() + ", not " + from);
        }
        return new CarbonForecast(zone, trace.signalType(), name(), clock.instant(), slots).between(from, to);
    }

    private List<IntensitySlot> looped(Instant from, Instant to) {
        List<IntensitySlot> out = new ArrayList<>();
        long t0 = trace.start().getEpochSecond();
        long t = from.getEpochSecond();
        long end = to.getEpochSecond();
        while (t < end) {
            long inTrace = t0 + Math.floorMod(t - t0, periodSec);
            long shift = t - inTrace;
            long until = Math.min(end - shift, t0 + periodSec);
            for (IntensitySlot s : trace.slots(Instant.ofEpochSecond(inTrace), Instant.ofEpochSecond(until))) {
                out.add(new IntensitySlot(s.start().plusSeconds(shift), s.end().plusSeconds(shift), s.gCo2PerKwh()));
            }
            t = until + shift;
        }
        return out;
    }

    @Override
    public String name() {
        return "trace:" + trace.name();
    }
}
