package io.greenscribe.carbon.trace;

import io.greenscribe.carbon.IntensitySlot;
import io.greenscribe.carbon.SignalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A recorded intensity series: each value holds until the next timestamp; the last holds for the
 * spacing before it. Integrals use prefix sums so a replay can score thousands of jobs cheaply.
 */
public final class RecordedTrace {

    private final String name;
    private final SignalType signalType;
    private final long[] startSec; // length n + 1: slot i is [startSec[i], startSec[i + 1])
    private final double[] value;
    private final double[] prefix; // prefix[i] = ∫ from startSec[0] to startSec[i], in g/kWh · s

    public RecordedTrace(String name, SignalType signalType, List<Instant> starts, List<Double> values) {
        if (starts.size() < 2 || starts.size() != values.size()) {
            throw new IllegalArgumentException("a trace needs at least two points, as many times as values");
        }
        this.name = name;
        this.signalType = signalType;
        int n = starts.size();
        startSec = new long[n + 1];
        value = new double[n];
        for (int i = 0; i < n; i++) {
            startSec[i] = starts.get(i).getEpochSecond();
            value[i] = values.get(i);
            if (i > 0 && startSec[i] <= startSec[i - 1]) {
                throw new IllegalArgumentException("trace " + name + " is not strictly ordered at " + starts.get(i));
            }
        }
        startSec[n] = startSec[n - 1] + (startSec[n - 1] - startSec[n - 2]);
        prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + value[i] * (startSec[i + 1] - startSec[i]);
        }
    }

    /** Reads one CSV file in any layout {@link TraceCsv} knows, or a folder of UK API files (actuals win). */
    public static RecordedTrace read(Path path) {
        return read(path, ZoneId.of("UTC"));
    }

    /** As {@link #read(Path)}, with naive time stamps read as wall-clock time in {@code naiveZone}. */
    public static RecordedTrace read(Path path, ZoneId naiveZone) {
        Map<Instant, double[]> byTime = new TreeMap<>(); // {value, 1 if actual}
        SignalType signal = SignalType.AVERAGE;
        for (Path file : files(path)) {
            List<String> lines = TraceCsv.lines(file);
            TraceCsv layout = TraceCsv.detect(lines.get(0), file);
            signal = layout.signalType();
            int lca = layout == TraceCsv.ELECTRICITY_MAPS ? TraceCsv.lcaColumn(lines.get(0)) : -1;
            Instant previous = Instant.MIN;
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",", -1);
                Instant t = TraceCsv.time(c[0], naiveZone, previous);
                previous = t;
                switch (layout) {
                    case LETS_WAIT_AWHILE, WATTTIME_ACTUAL -> put(byTime, t, c[1], true);
                    case ELECTRICITY_MAPS -> put(byTime, t, c[lca], true);
                    case UK_CARBON_INTENSITY -> {
                        boolean hasActual = c.length > 2 && !c[2].isBlank();
                        put(byTime, t, hasActual ? c[2] : c[1], hasActual);
                    }
                    case WATTTIME_FORECAST ->
                        throw new IllegalArgumentException(
                                file + " holds forecast vintages; read it with RecordedForecasts");
                }
            }
        }
        List<Instant> times = new ArrayList<>(byTime.keySet());
        List<Double> values = byTime.values().stream().map(v -> v[0]).toList();
        return new RecordedTrace(path.getFileName().toString(), signal, times, values);
    }

    private static void put(Map<Instant, double[]> byTime, Instant t, String v, boolean actual) {
        if (v.isBlank()) {
            return;
        }
        double[] old = byTime.get(t);
        if (old == null || actual || old[1] == 0) {
            byTime.put(t, new double[] {Double.parseDouble(v), actual ? 1 : 0});
        }
    }

    static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public SignalType signalType() {
        return signalType;
    }

    public Instant start() {
        return Instant.ofEpochSecond(startSec[0]);
    }

    public Instant end() {
        return Instant.ofEpochSecond(startSec[value.length]);
    }

    public int size() {
        return value.length;
    }

    /** Mean of all values (unweighted), as Wiesner et al. scale their forecast noise. */
    public double meanValue() {
        return Arrays.stream(value).average().orElse(0);
    }

    /** The slots overlapping {@code [from, to)}, clipped to it. */
    public List<IntensitySlot> slots(Instant from, Instant to) {
        long a = Math.max(from.getEpochSecond(), startSec[0]);
        long b = Math.min(to.getEpochSecond(), startSec[value.length]);
        List<IntensitySlot> out = new ArrayList<>();
        for (int i = index(a); i < value.length && startSec[i] < b; i++) {
            long s = Math.max(startSec[i], a);
            long e = Math.min(startSec[i + 1], b);
            if (e > s) {
                out.add(new IntensitySlot(Instant.ofEpochSecond(s), Instant.ofEpochSecond(e), value[i]));
            }
        }
        return out;
    }

    /** A copy with each value replaced by {@code f(index, value)}; used to add forecast error. */
    public RecordedTrace map(String newName, java.util.function.IntToDoubleFunction noise) {
        List<Instant> starts = new ArrayList<>(value.length);
        List<Double> values = new ArrayList<>(value.length);
        for (int i = 0; i < value.length; i++) {
            starts.add(Instant.ofEpochSecond(startSec[i]));
            values.add(Math.max(0, value[i] + noise.applyAsDouble(i)));
        }
        return new RecordedTrace(newName, signalType, starts, values);
    }

    /** Mean intensity over {@code [from, to)}, which must lie inside the trace. */
    public double meanIntensity(Instant from, Instant to) {
        return integral(from.getEpochSecond(), to.getEpochSecond()) / (to.getEpochSecond() - from.getEpochSecond());
    }

    /** ∫ intensity dt over {@code [a, b)} epoch seconds, in g/kWh · s. */
    public double integral(long a, long b) {
        if (a < startSec[0] || b > startSec[value.length] || b < a) {
            throw new IllegalArgumentException("interval outside trace " + name + ": " + Instant.ofEpochSecond(a)
                    + " .. " + Instant.ofEpochSecond(b));
        }
        return at(b) - at(a);
    }

    private double at(long t) {
        int i = index(t);
        if (i >= value.length) {
            return prefix[value.length];
        }
        return prefix[i] + value[i] * (t - startSec[i]);
    }

    private int index(long t) {
        int i = Arrays.binarySearch(startSec, 0, value.length, t);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    public Duration span() {
        return Duration.between(start(), end());
    }
}
