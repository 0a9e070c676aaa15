package io.greenscribe.carbon.trace;

import io.greenscribe.carbon.SignalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The CSV layouts under {@code shared/data/carbon}, told apart by their header line. Times with an
 * offset or a {@code Z} are what they say; naive ones ({@code 2020-03-29 02:30:00}) are wall-clock
 * times in the zone the reader is given (the Let's Wait Awhile files are naive but behave as UTC;
 * many published traces are local time).
 */
enum TraceCsv {
    /** {@code Time,Carbon Intensity} (Let's Wait Awhile 2020). */
    LETS_WAIT_AWHILE(SignalType.AVERAGE),
    /** {@code Datetime (UTC),…,Carbon Intensity gCO₂eq/kWh (LCA),…} (Electricity Maps portal export). */
    ELECTRICITY_MAPS(SignalType.AVERAGE),
    /** {@code time,<Region>} (vessim's WattTime actuals, already g/kWh). */
    WATTTIME_ACTUAL(SignalType.MARGINAL),
    /** {@code request_time,forecast_time,<Region>} (vessim's WattTime forecast vintages). */
    WATTTIME_FORECAST(SignalType.MARGINAL),
    /** {@code from,intensity.forecast,intensity.actual} (UK Carbon Intensity API, flattened). */
    UK_CARBON_INTENSITY(SignalType.AVERAGE);

    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SignalType signalType;

    TraceCsv(SignalType signalType) {
        this.signalType = signalType;
    }

    SignalType signalType() {
        return signalType;
    }

    static TraceCsv detect(String header, Path file) {
        String h = header.startsWith("\uFEFF") ? header.substring(1) : header;
        if (h.startsWith("Time,Carbon Intensity")) {
            return LETS_WAIT_AWHILE;
        }
        if (h.startsWith("Datetime (UTC),")) {
            return ELECTRICITY_MAPS;
        }
        if (h.startsWith("request_time,forecast_time,")) {
            return WATTTIME_FORECAST;
        }
        if (h.startsWith("time,")) {
            return WATTTIME_ACTUAL;
        }
        if (h.startsWith("from,intensity.forecast")) {
            return UK_CARBON_INTENSITY;
        }
        throw new IllegalArgumentException("unknown carbon trace layout in " + file + ": " + header);
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read carbon trace " + file, e);
        }
    }

    static Instant time(String s) {
        return time(s, ZoneId.of("UTC"), Instant.MIN);
    }

    /**
     * A time stamp; a naive one is read as wall-clock time in {@code zone}. In the hour a DST change
     * repeats, the first reading takes the earlier offset and a repeat (a stamp not after
     * {@code previous}, the one read before it) the later one, so a local series stays in order.
     */
    static Instant time(String s, ZoneId zone, Instant previous) {
        if (s.indexOf('T') > 0) {
            return io.greenscribe.carbon.http.Json.parseInstant(s);
        }
        ZonedDateTime local = LocalDateTime.parse(s, NAIVE).atZone(zone);
        Instant t = local.toInstant();
        return t.isAfter(previous) ? t : local.withLaterOffsetAtOverlap().toInstant();
    }

    /** Index of the life-cycle column of an Electricity Maps export (the portal's default figure). */
    static int lcaColumn(String header) {
        String[] cols = header.split(",", -1);
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].contains("(LCA)")) {
                return i;
            }
        }
        throw new IllegalArgumentException("Electricity Maps export without an LCA column: " + header);
    }
}
