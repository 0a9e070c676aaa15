package io.greenscribe.carbon.http;

import io.greenscribe.carbon.IntensitySlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns provider data points (a start time and a value) into slots clipped to a requested range. */
public final class Points {

    private Points() {}

    /** A point as providers send it: the period starting at {@code start} has {@code gCo2PerKwh}. */
    public record Point(Instant start, double gCo2PerKwh) {}

    /**
     * Each point lasts until the next one; the last lasts {@code period} (or the spacing of the
     * last two points when {@code period} is null). Slots are clipped to {@code [from, to)}.
     */
    public static List<IntensitySlot> toSlots(List<Point> points, Duration period, Instant from, Instant to) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(Point::start));
        List<IntensitySlot> slots = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Point p = sorted.get(i);
            Instant end;
            if (i + 1 < sorted.size()) {
                end = sorted.get(i + 1).start();
            } else if (period != null) {
                end = p.start().plus(period);
            } else if (i > 0) {
                end = p.start().plus(Duration.between(sorted.get(i - 1).start(), p.start()));
            } else {
                end = p.start().plus(Duration.ofHours(1));
            }
            if (!end.isAfter(p.start())) {
                continue; // duplicate timestamp: keep the later point
            }
            Instant a = p.start().isBefore(from) ? from : p.start();
            Instant b = end.isAfter(to) ? to : end;
            if (b.isAfter(a)) {
                slots.add(new IntensitySlot(a, b, p.gCo2PerKwh()));
            }
        }
        return slots;
    }
}
