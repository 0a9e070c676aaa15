package io.greenscribe.scheduling.bench;

import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.IntensitySlot;
import io.greenscribe.carbon.trace.RecordedTrace;
import io.greenscribe.carbon.trace.TraceCarbonFeed;
import io.greenscribe.scheduling.PlannerPolicy;
import io.greenscribe.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Replays any trace: the server's default policy first, then the labelled others, each as saving
 * against running at once and as a fraction of the capacity-limited optimum with perfect knowledge.
 *
 * <p>Usage: {@code ScheduleReplay --zone <tz of naive stamps> --year <yyyy> [--out dir] [--days n] [--workloads
 * hourly,scenario1] trace.csv...}; see {@code bench/carbon/replay.sh}.
 *
 * <p>The optimum: a min-cost flow over the trace's own slots, every job's hour as units of one slot
 * each that may go to any slot inside its window, at most one unit per job per slot and as many per
 * slot as there are workers. It lets a run pause between slots, so it is a lower bound on the
 * emissions of any schedule of whole runs; on an hourly trace, where a 1-h job is one slot, it is
 * exactly the optimum. Fractions against it are therefore conservative.
 */
public final class ScheduleReplay {

    static final long SEED = 2021;

    private ScheduleReplay() {}

    record Strategy(String label, PlannerPolicy policy, io.greenscribe.scheduling.bench.Strategy peer) {}

    /** The worker counts of the hourly workload ({@code --workers}). */
    static int[] workerCounts = {1, 2, 4};

    /** Real recorded forecast vintages for the trace ({@code --recorded}), replayed as a fourth forecast mode. */
    static io.greenscribe.carbon.trace.RecordedForecasts recorded;

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        ZoneId zone = ZoneId.of("UTC");
        int year = 2020;
        Path out = Path.of("bench/results");
        List<Path> traces = new ArrayList<>();
        List<String> workloads = List.of("hourly", "scenario1");
        int days = Integer.MAX_VALUE;
        boolean defaultOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--zone" -> zone = ZoneId.of(args[++i]);
                case "--year" -> year = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--workloads" -> workloads = List.of(args[++i].split(","));
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--workers" ->
                    workerCounts = java.util.Arrays.stream(args[++i].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                case "--default-only" -> defaultOnly = true;
                case "--recorded" -> recorded = io.greenscribe.carbon.trace.RecordedForecasts.read(Path.of(args[++i]));
                default -> traces.add(Path.of(args[i]));
            }
        }
        StringBuilder md = new StringBuilder();
        long started = System.nanoTime();
        List<Strategy> all = List.of(
                new Strategy("**default (global schedule)**", PlannerPolicy.defaults(), null),
                new Strategy("greedy (previous default)", PlannerPolicy.greedyDefaults(), null),
                new Strategy(
                        "Let's Wait Awhile (no capacity booking)",
                        null,
                        io.greenscribe.scheduling.bench.Strategy.LETS_WAIT_AWHILE));
        List<Strategy> strategies = defaultOnly ? all.subList(0, 1) : all;
        for (Path p : traces) {
            RecordedTrace t = RecordedTrace.read(p, zone);
            Instant from =
                    LocalDate.of(year, 1, 2).atStartOfDay(ZoneId.of("UTC")).toInstant();
            Instant to =
                    LocalDate.of(year, 12, 29).atStartOfDay(ZoneId.of("UTC")).toInstant();
            if (t.start().isAfter(from)) {
                from = t.start().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            }
            if (t.end().isBefore(to)) {
                to = t.end().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            }
            if (Duration.between(from, to).toDays() > days) {
                to = from.plus(Duration.ofDays(days));
            }
            md.append("\n## ")
                    .append(p.getFileName())
                    .append(" (naive times in ")
                    .append(zone)
                    .append(", ")
                    .append(from)
                    .append(" … ")
                    .append(to)
                    .append(")\n");
            if (workloads.contains("hourly")) {
                hourly(md, t, from, to, strategies);
            }
            if (workloads.contains("scenario1")) {
                scenarioOne(md, t, from, to);
            }
            System.err.println("replayed " + p);
        }
        md.append("\nWall time: ")
                .append(String.format("%.0f s", (System.nanoTime() - started) / 1e9))
                .append(", Java ")
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" logical CPUs.\n");
        Files.createDirectories(out);
        Path report = out.resolve("carbon-schedule-replay.md");
        Files.writeString(report, md.toString());
        System.out.println(md);
        System.out.println("Report written to " + report);
    }

    /** A 1-h job every hour that may start within the next {@code slack}; 1, 2 and 4 workers. */
    static void hourly(StringBuilder md, RecordedTrace t, Instant from, Instant to, List<Strategy> strategies) {
        md.append("\n### Hourly 1-h workload: saving against at once, fraction of the optimum, deadlines met\n\n");
        md.append("| slack | workers | forecast | optimum (perfect) |");
        strategies.forEach(s -> md.append(' ').append(s.label()).append(" |"));
        md.append("\n|---|---|---|---|")
                .append("---|".repeat(strategies.size()))
                .append('\n');
        for (int slackH : new int[] {8, 24}) {
            List<SimJob> jobs = hourlyJobs(from, to, Duration.ofHours(slackH));
            for (int workers : workerCounts) {
                Replay replay = new Replay(t, jobs, workers, PlannerPolicy.defaults());
                double immediate = replay.run(
                                io.greenscribe.scheduling.bench.Strategy.IMMEDIATE,
                                c -> new TraceCarbonFeed(t, false, c),
                                List.of())
                        .total();
                double optimum = optimum(t, jobs, workers);
                double optSaving = 100 * (immediate - optimum) / immediate;
                List<String> modes = new ArrayList<>(List.of("perfect", "5 % error", "10 % error"));
                if (recorded != null) {
                    modes.add("recorded");
                }
                for (String mode : modes) {
                    double err = mode.startsWith("5") ? 0.05 : mode.startsWith("10") ? 0.10 : 0;
                    Function<MutableClock, CarbonIntensityFeed> feed = mode.equals("recorded")
                            ? c -> new io.greenscribe.carbon.trace.RecordedForecastCarbonFeed(recorded, c)
                            : noisy(t, err);
                    List<Instant> replans = new ArrayList<>(replanEvery(from, to, Duration.ofHours(1)));
                    if (mode.equals("recorded")) {
                        replans.addAll(recorded.issueTimes()); // and on every new vintage
                        replans.sort(null);
                    }
                    md.append(String.format("| %d h | %d | %s | %.1f %% |", slackH, workers, mode, optSaving));
                    for (Strategy s : strategies) {
                        Replay r = s.policy() == null ? replay : new Replay(t, jobs, workers, s.policy());
                        Replay.Outcome o = r.run(
                                s.peer() == null ? io.greenscribe.scheduling.bench.Strategy.GREENSCRIBE : s.peer(),
                                feed,
                                replans);
                        double saved = 100 * (immediate - o.total()) / immediate;
                        md.append(String.format(
                                " %.1f %% · %.2f · %.1f %% met |",
                                saved, saved / optSaving, 100.0 * o.deadlinesMet() / o.withDeadline()));
                    }
                    md.append('\n');
                }
            }
        }
        md.append(
                        "\nEach cell: saving against running every job at once on the same workers · that saving as a fraction")
                .append(" of the optimum's · share of deadlines met. Re-planning is simulated every hour (the forecast")
                .append(
                        " does not change between vintages in these modes, so the server's 15-min cycle would only react")
                .append(" sooner to arrivals). Error: forecast = actual + N(0, e × mean) per slot, seed ")
                .append(SEED)
                .append(".\n");
    }

    /** Let's Wait Awhile Scenario I (30-min job at 01:00 UTC every night, ±2 h and ±8 h), the server's defaults. */
    static void scenarioOne(StringBuilder md, RecordedTrace t, Instant from, Instant to) {
        md.append("\n### Scenario I (nightly 30-min job at 01:00 UTC), unlimited capacity, 10 noise seeds\n\n");
        md.append(
                "| window | forecast | **default** | paper policy (exact run time, no margin, no bar) | optimum (perfect) | default / paper |\n|---|---|---|---|---|---|\n");
        int nights = (int) Duration.between(from, to).toDays() - 1;
        for (int h : new int[] {2, 8}) {
            for (double err : new double[] {0, 0.05, 0.10}) {
                double def = 0;
                double paper = 0;
                int seeds = err == 0 ? 1 : 10;
                for (int seed = 0; seed < seeds; seed++) {
                    Random rnd = new Random(seed);
                    double sd = err * t.meanValue();
                    RecordedTrace f = err == 0 ? t : t.map(t.name() + "+n", i -> sd * rnd.nextGaussian());
                    def += LwaScenarioOne.once(
                            t,
                            f,
                            Duration.ofHours(h),
                            LwaScenarioOne.Accounting.LIKE_FOR_LIKE,
                            PlannerPolicy.defaults(),
                            from,
                            nights);
                    paper += LwaScenarioOne.once(
                            t,
                            f,
                            Duration.ofHours(h),
                            LwaScenarioOne.Accounting.LIKE_FOR_LIKE,
                            LwaScenarioOne.PAPER,
                            from,
                            nights);
                }
                double opt = LwaScenarioOne.once(
                        t,
                        t,
                        Duration.ofHours(h),
                        LwaScenarioOne.Accounting.LIKE_FOR_LIKE,
                        LwaScenarioOne.PAPER,
                        from,
                        nights);
                md.append(String.format(
                        "| ±%d h | %s | **%.2f %%** | %.2f %% | %.2f %% | %.2f |%n",
                        h,
                        err == 0 ? "perfect" : Math.round(err * 100) + " % error",
                        def / seeds,
                        paper / seeds,
                        opt,
                        def / paper));
            }
        }
    }

    static List<SimJob> hourlyJobs(Instant from, Instant to, Duration slack) {
        List<SimJob> jobs = new ArrayList<>();
        int id = 0;
        for (Instant a = from; a.isBefore(to); a = a.plus(Duration.ofHours(1))) {
            jobs.add(new SimJob(
                    id++,
                    a,
                    Duration.ofHours(1),
                    a.plus(slack).plus(Duration.ofHours(1)),
                    Duration.ofHours(1),
                    slack.toHours() + "h"));
        }
        return jobs;
    }

    static List<Instant> replanEvery(Instant from, Instant to, Duration every) {
        List<Instant> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(to.plus(Duration.ofDays(2))); t = t.plus(every)) {
            out.add(t);
        }
        return out;
    }

    static Function<MutableClock, CarbonIntensityFeed> noisy(RecordedTrace t, double e) {
        if (e == 0) {
            return c -> new TraceCarbonFeed(t, false, c);
        }
        Random rnd = new Random(SEED);
        double sd = e * t.meanValue();
        RecordedTrace n = t.map(t.name() + "+" + e, i -> sd * rnd.nextGaussian());
        return c -> new TraceCarbonFeed(n, false, c);
    }

    /**
     * The capacity-limited optimum with perfect knowledge, as total emissions (the unit of
     * {@link RecordedTrace#integral}): see the class comment.
     */
    static double optimum(RecordedTrace t, List<SimJob> jobs, int workers) {
        return optimum(t, jobs, workers, null);
    }

    /** As {@link #optimum(RecordedTrace, List, int)}; {@code usage}, if given, gets the units per slot start. */
    static double optimum(RecordedTrace t, List<SimJob> jobs, int workers, Map<Instant, Integer> usage) {
        List<IntensitySlot> slots =
                t.slots(jobs.get(0).arrival(), jobs.get(jobs.size() - 1).deadline());
        Map<Long, Integer> slotAt = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            slotAt.put(slots.get(i).start().getEpochSecond(), i);
        }
        Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        int sink = 0;
        g.addVertex(sink);
        Map<DefaultWeightedEdge, Integer> cap = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            g.addVertex(1 + i);
            cap.put(g.addEdge(1 + i, sink), workers);
        }
        Map<Integer, Integer> supply = new HashMap<>();
        int total = 0;
        for (SimJob j : jobs) {
            int v = 1 + slots.size() + j.id();
            g.addVertex(v);
            long need = j.actualRunTime().getSeconds();
            int units = 0;
            for (int i = 0; i < slots.size(); i++) {
                IntensitySlot s = slots.get(i);
                if (s.start().isBefore(j.arrival()) || s.end().isAfter(j.deadline())) {
                    continue;
                }
                long len = Duration.between(s.start(), s.end()).getSeconds();
                DefaultWeightedEdge e = g.addEdge(v, 1 + i);
                g.setEdgeWeight(e, s.gCo2PerKwh() * len);
                cap.put(e, 1);
                units = (int) Math.max(units, (need + len - 1) / len);
            }
            supply.put(v, units);
            total += units;
        }
        supply.put(sink, -total);
        var flow = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
                .getMinimumCostFlow(new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                        g, v -> supply.getOrDefault(v, 0), cap::get));
        if (usage != null) {
            for (int i = 0; i < slots.size(); i++) {
                usage.put(slots.get(i).start(), (int) Math.round(flow.getFlow(g.getEdge(1 + i, sink))));
            }
        }
        return flow.getCost();
    }
}
