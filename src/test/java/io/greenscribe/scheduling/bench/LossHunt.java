package io.greenscribe.scheduling.bench;

import io.greenscribe.carbon.trace.RecordedTrace;
import io.greenscribe.carbon.trace.TraceCarbonFeed;
import io.greenscribe.scheduling.OutagePolicy;
import io.greenscribe.scheduling.PlannerPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the default loses against the optimum on the hourly 1-h workload: the default beside
 * variants that each remove one cause (margin, do-no-harm bars, re-plan interval).
 * Usage: {@code LossHunt trace.csv zone from(yyyy-mm-dd) days}.
 */
public final class LossHunt {

    private LossHunt() {}

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        RecordedTrace t = RecordedTrace.read(Path.of(args[0]), ZoneId.of(args[1]));
        Instant from = java.time.LocalDate.parse(args[2])
                .atStartOfDay(ZoneId.of("UTC"))
                .toInstant();
        Instant to = from.plus(Duration.ofDays(Integer.parseInt(args[3])));
        PlannerPolicy d = PlannerPolicy.defaults();
        PlannerPolicy noMargin = PlannerPolicy.greedy(
                        1.0, Duration.ZERO, d.minSavingPct(), d.horizon(), OutagePolicy.RUN_NOW)
                .withSolver(PlannerPolicy.Solver.GLOBAL)
                .withSavingPerHour(d.minSavingPctPerHour());
        PlannerPolicy noBars = PlannerPolicy.greedy(
                        d.runTimeFactor(), d.safetyMargin(), 0, d.horizon(), OutagePolicy.RUN_NOW)
                .withSolver(PlannerPolicy.Solver.GLOBAL);
        PlannerPolicy neither = PlannerPolicy.greedy(1.0, Duration.ZERO, 0, d.horizon(), OutagePolicy.RUN_NOW)
                .withSolver(PlannerPolicy.Solver.GLOBAL);
        Map<String, PlannerPolicy> variants = new LinkedHashMap<>();
        variants.put("default", d);
        variants.put("no-margin", noMargin);
        variants.put("no-bars", noBars);
        variants.put("neither", neither);
        for (String ph : System.getProperty("perHour", "").split(",")) {
            if (!ph.isBlank()) {
                variants.put("ph" + ph, d.withSavingPerHour(Double.parseDouble(ph)));
            }
        }
        variants.put("m10", d.withRunTime(1.1, Duration.ofMinutes(10)));
        variants.put("f1m30", d.withRunTime(1.0, Duration.ofMinutes(30)));
        variants.put("slot60", d.withSlot(Duration.ofHours(1)));
        variants.put("slot15", d.withSlot(Duration.ofMinutes(15)));
        String only = System.getProperty("variants");
        long replanMin = Long.getLong("replanMin", 60);
        double err = Double.parseDouble(System.getProperty("err", "0"));
        for (int slack : new int[] {8, 24}) {
            List<SimJob> jobs = ScheduleReplay.hourlyJobs(from, to, Duration.ofHours(slack));
            for (int workers : new int[] {2, 4}) {
                boolean pieces = !Boolean.getBoolean("whole");
                Replay base = new Replay(t, jobs, workers, d);
                double immediate = base.run(Strategy.IMMEDIATE, c -> new TraceCarbonFeed(t, false, c), List.of())
                        .total();
                double opt = ScheduleReplay.optimum(t, jobs, workers);
                double optS = 100 * (immediate - opt) / immediate;
                StringBuilder line = new StringBuilder(String.format("%dh %dw opt %.1f%%:", slack, workers, optS));
                for (Map.Entry<String, PlannerPolicy> v : variants.entrySet()) {
                    if (only != null && !List.of(only.split(",")).contains(v.getKey())) {
                        continue;
                    }
                    long t0 = System.nanoTime();
                    Replay.Outcome o = new Replay(t, jobs, workers, v.getValue(), pieces)
                            .run(
                                    Strategy.GREENSCRIBE,
                                    ScheduleReplay.noisy(t, err),
                                    ScheduleReplay.replanEvery(from, to, Duration.ofMinutes(replanMin)));
                    double s = 100 * (immediate - o.total()) / immediate;
                    if (System.getProperty("stats") != null) {
                        int queued = 0;
                        long qmin = 0;
                        for (Replay.Miss m : o.runs()) {
                            if (m.readyAt() != null && m.started().isAfter(m.readyAt())) {
                                queued++;
                                qmin += Duration.between(m.readyAt(), m.started())
                                        .toMinutes();
                            }
                        }
                        if (Boolean.getBoolean("list") && slack == 24 && workers == 2) {
                            o.runs().stream()
                                    .limit(60)
                                    .forEach(m -> System.out.println("  "
                                            + m.job().id() + " arr " + m.job().arrival() + " ready " + m.readyAt()
                                            + " start " + m.started() + " "
                                            + (m.decision() == null
                                                    ? ""
                                                    : m.decision().reason() + " runAt "
                                                            + m.decision().runAt() + " at "
                                                            + m.decision().decidedAt() + " pieces "
                                                            + m.decision()
                                                                    .pieces()
                                                                    .size())));
                        }
                        System.out.println(v.getKey() + " " + slack + "h " + workers + "w reasons " + o.reasons()
                                + " queued " + queued + " (" + qmin + " min)");
                    }
                    if (System.getProperty("dump") != null
                            && slack == 24
                            && workers == 2
                            && v.getKey().equals("default")) {
                        Map<Instant, Integer> use = new java.util.TreeMap<>();
                        ScheduleReplay.optimum(t, jobs, workers, use);
                        Map<Instant, Integer> mine = new java.util.TreeMap<>();
                        for (Replay.Miss m : o.runs()) {
                            for (Instant h = m.started();
                                    h.isBefore(m.started().plus(m.job().actualRunTime()));
                                    h = h.plus(Duration.ofMinutes(60))) {
                                mine.merge(h, 1, Integer::sum);
                            }
                        }
                        for (Map.Entry<Instant, Integer> u : use.entrySet()) {
                            if (u.getKey().isAfter(from.plus(Duration.ofDays(5)))
                                    && u.getKey().isBefore(from.plus(Duration.ofDays(8)))) {
                                System.out.printf(
                                        "%s %5.0f opt %d mine %d%n",
                                        u.getKey(),
                                        t.meanIntensity(u.getKey(), u.getKey().plusSeconds(3600)),
                                        u.getValue(),
                                        mine.getOrDefault(u.getKey(), 0));
                            }
                        }
                    }
                    line.append(String.format(
                            "  %s %.1f%% (%.2f, met %d/%d, %.0fs)",
                            v.getKey(),
                            s,
                            s / optS,
                            o.deadlinesMet(),
                            o.withDeadline(),
                            (System.nanoTime() - t0) / 1e9));
                }
                System.out.println(line);
            }
        }
    }
}
