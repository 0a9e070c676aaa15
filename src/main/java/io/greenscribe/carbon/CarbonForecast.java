package io.greenscribe.carbon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A carbon-intensity forecast for one zone, as fetched from one feed.
 *
 * @param zone the grid zone it covers
 * @param signalType average or marginal intensity
 * @param source which feed produced it (for the decision record), e.g. {@code watttime}
 * @param fetchedAt when GreenScribe obtained it (the planner compares these to spot newer forecasts)
 * @param slots ordered, non-overlapping periods; may have gaps; may be empty
 */
public record CarbonForecast(
        GridZone zone, SignalType signalType, String source, Instant fetchedAt, List<IntensitySlot> slots) {

    public CarbonForecast {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(signalType, "signalType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        slots = List.copyOf(slots);
        for (int i = 1; i < slots.size(); i++) {
            if (slots.get(i).start().isBefore(slots.get(i - 1).end())) {
                throw new IllegalArgumentException("forecast slots overlap or are unordered at "
                        + slots.get(i).start());
            }
        }
    }

    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** The same forecast restricted to the slots that overlap {@code [from, to)}, trimmed to it. */
    public CarbonForecast between(Instant from, Instant to) {
        List<IntensitySlot> kept = slots.stream()
                .filter(s -> s.overlaps(from, to))
                .map(s -> s.within(from, to))
                .toList();
        return new CarbonForecast(zone, signalType, source, fetchedAt, kept);
    }

    /**
     * Time-weighted mean intensity over {@code [from, to)}, or empty if any part of it is not
     * covered by a slot.
     */
    public Optional<Double> meanIntensity(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("empty interval " + from + " .. " + to);
        }
        double weighted = 0;
        long covered = 0;
        for (IntensitySlot s : slots) {
            if (!s.overlaps(from, to)) {
                continue;
            }
            Instant a = s.start().isBefore(from) ? from : s.start();
            Instant b = s.end().isAfter(to) ? to : s.end();
            long ms = Duration.between(a, b).toMillis();
            weighted += ms * s.gCo2PerKwh();
            covered += ms;
        }
        long wanted = Duration.between(from, to).toMillis();
        return covered == wanted ? Optional.of(weighted / wanted) : Optional.empty();
    }
}
