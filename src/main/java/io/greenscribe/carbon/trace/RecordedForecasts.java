package io.greenscribe.carbon.trace;

import io.greenscribe.carbon.IntensitySlot;
import io.greenscribe.carbon.SignalType;
import io.greenscribe.carbon.http.Points;
import io.greenscribe.carbon.http.Points.Point;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Forecasts as they were really published: WattTime's vintages (one file,
 * {@code request_time,forecast_time,value}) or a folder of UK {@code fw48h} files named for the
 * time they were fetched ({@code 2023-03-14T0331Z.csv}).
 */
public final class RecordedForecasts {

    /** One published forecast. */
    public record Vintage(Instant issuedAt, List<IntensitySlot> slots) {}

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'");

    private final SignalType signalType;
    private final TreeMap<Instant, Vintage> byIssue;

    private RecordedForecasts(SignalType signalType, TreeMap<Instant, Vintage> byIssue) {
        this.signalType = signalType;
        this.byIssue = byIssue;
    }

    public static RecordedForecasts read(Path path) {
        TreeMap<Instant, Vintage> byIssue = new TreeMap<>();
        SignalType signal = SignalType.AVERAGE;
        for (Path file : RecordedTrace.files(path)) {
            List<String> lines = TraceCsv.lines(file);
            TraceCsv layout = TraceCsv.detect(lines.get(0), file);
            signal = layout.signalType();
            switch (layout) {
                case WATTTIME_FORECAST -> readWattTime(lines, byIssue);
                case UK_CARBON_INTENSITY -> readUk(file, lines, byIssue);
                default -> throw new IllegalArgumentException(file + " holds no forecast vintages");
            }
        }
        return new RecordedForecasts(signal, byIssue);
    }

    private static void readWattTime(List<String> lines, TreeMap<Instant, Vintage> byIssue) {
        Map<Instant, List<Point>> points = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c.length < 3 || c[2].isBlank()) {
                continue;
            }
            points.computeIfAbsent(TraceCsv.time(c[0]), k -> new ArrayList<>())
                    .add(new Point(TraceCsv.time(c[1]), Double.parseDouble(c[2])));
        }
        points.forEach((issued, pts) -> byIssue.put(
                issued, new Vintage(issued, Points.toSlots(pts, Duration.ofMinutes(5), Instant.MIN, Instant.MAX))));
    }

    private static void readUk(Path file, List<String> lines, TreeMap<Instant, Vintage> byIssue) {
        String stem = file.getFileName().toString().replace(".csv", "");
        Instant issued = LocalDateTime.parse(stem, FILE_TIME).toInstant(ZoneOffset.UTC);
        List<Point> pts = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c.length > 1 && !c[1].isBlank()) {
                pts.add(new Point(TraceCsv.time(c[0]), Double.parseDouble(c[1])));
            }
        }
        byIssue.put(issued, new Vintage(issued, Points.toSlots(pts, Duration.ofMinutes(30), Instant.MIN, Instant.MAX)));
    }

    public SignalType signalType() {
        return signalType;
    }

    /** The newest vintage published at or before {@code now}. */
    public Optional<Vintage> latestAt(Instant now) {
        Map.Entry<Instant, Vintage> e = byIssue.floorEntry(now);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }

    public List<Instant> issueTimes() {
        return List.copyOf(byIssue.keySet());
    }
}
