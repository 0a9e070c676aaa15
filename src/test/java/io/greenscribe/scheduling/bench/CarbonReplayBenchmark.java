package io.greenscribe.scheduling.bench;

import io.greenscribe.carbon.CarbonFeedException;
import io.greenscribe.carbon.CarbonForecast;
import io.greenscribe.carbon.CarbonIntensityFeed;
import io.greenscribe.carbon.GridZone;
import io.greenscribe.carbon.trace.RecordedForecastCarbonFeed;
import io.greenscribe.carbon.trace.RecordedForecasts;
import io.greenscribe.carbon.trace.RecordedTrace;
import io.greenscribe.carbon.trace.TraceCarbonFeed;
import io.greenscribe.scheduling.OutagePolicy;
import io.greenscribe.scheduling.PlannerPolicy;
import io.greenscribe.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Replays the real traces in {@code shared/data/carbon} and writes a markdown report.
 * Usage: {@code CarbonReplayBenchmark <data dir> <out dir>}; see {@code bench/carbon/run.sh}.
 */
public final class CarbonReplayBenchmark {

    static final int WORKERS = 4;
    static final double JOBS_PER_HOUR = 6;
    static final long SEED = 2021;

    record Case(
            String region, String signal, RecordedTrace actual, RecordedForecasts recorded, Instant from, Instant to) {}

    private final StringBuilder md = new StringBuilder();

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/carbon");
        Path out = Path.of(args.length > 1 ? args[1] : "bench/results");
        new CarbonReplayBenchmark().run(data, out);
    }

    private void run(Path data, Path out) throws IOException {
        long started = System.nanoTime();
        md.append("Arrivals: Poisson, ")
                .append(JOBS_PER_HOUR)
                .append(" jobs/h, seed ")
                .append(SEED)
                .append(
                        "; audio log-normal (median 30 min, 1 min–4 h); device 2× real time ± 10 % (the planner learns it,")
                .append(" starting from a conservative 1×); ")
                .append(WORKERS)
                .append(" workers;")
                .append(
                        " deadlines: 10 % none, 30 % 2 h + 2× run time, 30 % 8 h, 30 % 24 h. Savings are against running")
                .append(
                        " immediately on the same workers, scored on the actual trace. Every strategy shares one queue that")
                .append(
                        " serves due jobs earliest-deadline-first. GreenScribe runs with its defaults: one global schedule")
                .append(
                        " (min-cost flow over 30-min slots × workers), run time × 1.1 + 30 min margin, do no harm (≥ 1 %")
                .append(" and ≥ 0.1 % per hour of delay), workers held back for the measured unplanned load, bookings")
                .append(" moved to each run's real start, re-planning on new forecasts.\n\n");
        List<Case> cases = cases(data);
        replays(cases);
        scenarioOne(data);
        timing(data);
        md.append("\nTotal benchmark wall time: ")
                .append(String.format("%.0f s", (System.nanoTime() - started) / 1e9))
                .append(".\n");
        Files.createDirectories(out);
        Path report = out.resolve("carbon-replay.md");
        Files.writeString(report, md.toString());
        System.out.println(md);
        System.out.println("Report written to " + report);
    }

    static List<Case> cases(Path data) {
        List<Case> cases = new ArrayList<>();
        Instant y20 = Instant.parse("2020-01-01T00:00:00Z");
        Instant y20end = Instant.parse("2020-12-30T00:00:00Z");
        for (String[] f : new String[][] {{"DE", "ger_ci"}, {"GB", "gb_ci"}, {"FR", "fr_ci"}}) {
            RecordedTrace t = RecordedTrace.read(data.resolve("lets-wait-awhile-2020/" + f[1] + ".csv"));
            cases.add(new Case(f[0] + " 2020 (LWA)", "average", t, null, y20, y20end));
        }
        for (String zone : new String[] {"US-CAL-CISO", "ES", "BR"}) {
            for (String year : new String[] {"2021", "2022"}) {
                RecordedTrace t =
                        RecordedTrace.read(data.resolve("electricitymaps-hourly/" + zone + "_" + year + "_hourly.csv"));
                cases.add(new Case(
                        zone + " " + year + " (EM)",
                        "average",
                        t,
                        null,
                        t.start().plus(Duration.ofDays(1)),
                        t.end().minus(Duration.ofDays(2))));
            }
        }
        Path wt = data.resolve("watttime-caiso-north-2023");
        RecordedTrace wtActual = RecordedTrace.read(wt.resolve("watttime2023_caiso-north_actual.csv"));
        cases.add(new Case(
                "CAISO_NORTH 2023-06 (WattTime)",
                "marginal",
                wtActual,
                RecordedForecasts.read(wt.resolve("watttime2023_caiso-north_forecast.csv")),
                wtActual.start().plus(Duration.ofHours(1)),
                wtActual.end().minus(Duration.ofDays(2))));
        Path uk = data.resolve("uk-carbon-intensity-2023-03");
        cases.add(new Case(
                "GB 2023-03 (UK API)",
                "average",
                RecordedTrace.read(uk.resolve("national_pt24h")),
                RecordedForecasts.read(uk.resolve("national_fw48h")),
                Instant.parse("2023-03-14T04:00:00Z"),
                Instant.parse("2023-03-17T00:00:00Z")));
        return cases;
    }

    private void replays(List<Case> cases) {
        md.append("### Replay: emissions saved against running immediately, deadlines met\n\n");
        md.append(
                "| trace | signal | jobs | forecast | Let's Wait Awhile saved / met | greenest slot (JobRunr-like) saved / met | **GreenScribe saved / met** | GreenScribe mean wait |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        StringBuilder windows = new StringBuilder();
        windows.append("\n### GreenScribe saving by deadline window (perfect / 5 % error / recorded forecasts)\n\n");
        windows.append("| trace | none | 2 h | 8 h | 24 h |\n|---|---|---|---|---|\n");
        StringBuilder down = new StringBuilder();
        down.append("\n### Feed down for the whole replay\n\n");
        down.append(
                "| trace | jobs with deadline | met, RUN_NOW (default) | saved | met, LATEST_SAFE_START | saved |\n|---|---|---|---|---|---|\n");
        for (Case c : cases) {
            List<SimJob> jobs = SimJob.stream(c.from(), c.to(), JOBS_PER_HOUR, SEED);
            Replay replay = new Replay(c.actual(), jobs, WORKERS, PlannerPolicy.defaults());
            Replay.Outcome immediate = replay.run(Strategy.IMMEDIATE, clock -> perfect(c.actual(), clock), List.of());
            List<Mode> modes = new ArrayList<>(List.of(Mode.PERFECT, Mode.NOISE_5, Mode.NOISE_10));
            if (c.recorded() != null) {
                modes.add(Mode.RECORDED);
            }
            for (Mode mode : modes) {
                Function<MutableClock, CarbonIntensityFeed> feed = mode.feed(c);
                List<Instant> reforecasts = mode == Mode.RECORDED ? c.recorded().issueTimes() : List.of();
                Replay.Outcome lwa = replay.run(Strategy.LETS_WAIT_AWHILE, feed, reforecasts);
                Replay.Outcome slot = replay.run(Strategy.GREENEST_SLOT, feed, reforecasts);
                Replay.Outcome ours = replay.run(Strategy.GREENSCRIBE, feed, reforecasts);
                md.append(String.format(
                        "| %s | %s | %d | %s | %s | %s | **%s** | %.0f min |%n",
                        c.region(),
                        c.signal(),
                        jobs.size(),
                        mode.label,
                        cell(lwa, immediate),
                        cell(slot, immediate),
                        cell(ours, immediate),
                        ours.meanDelayMin()));
            }
            windows.append("| ")
                    .append(c.region())
                    .append(" | ")
                    .append(windowRow(c, jobs, replay, immediate))
                    .append(" |\n");
            Replay.Outcome outage = replay.run(Strategy.GREENSCRIBE, clock -> new DownFeed(), List.of());
            PlannerPolicy d = PlannerPolicy.defaults();
            Replay latest = new Replay(c.actual(), jobs, WORKERS, d.withOutagePolicy(OutagePolicy.LATEST_SAFE_START));
            Replay.Outcome outageLatest = latest.run(Strategy.GREENSCRIBE, clock -> new DownFeed(), List.of());
            down.append(String.format(
                    "| %s | %d | %d (%.2f %%) | %.1f %% | %d (%.2f %%) | %.1f %% |%n",
                    c.region(),
                    outage.withDeadline(),
                    outage.deadlinesMet(),
                    100.0 * outage.deadlinesMet() / outage.withDeadline(),
                    saved(outage, immediate),
                    outageLatest.deadlinesMet(),
                    100.0 * outageLatest.deadlinesMet() / outageLatest.withDeadline(),
                    saved(outageLatest, immediate)));
            System.err.println("replayed " + c.region());
        }
        md.append("\n\"saved\" is the emission reduction against immediate execution; \"met\" the share of jobs with a")
                .append(
                        " deadline that finished by it. The peers do not book capacity, so jobs they shift into the same")
                .append(" green hours queue behind each other.\n");
        md.append(windows).append(down);
    }

    private String windowRow(Case c, List<SimJob> jobs, Replay replay, Replay.Outcome immediate) {
        List<Mode> modes = new ArrayList<>(List.of(Mode.PERFECT, Mode.NOISE_5));
        if (c.recorded() != null) {
            modes.add(Mode.RECORDED);
        }
        List<Replay.Outcome> outs = new ArrayList<>();
        for (Mode m : modes) {
            outs.add(replay.run(
                    Strategy.GREENSCRIBE,
                    m.feed(c),
                    m == Mode.RECORDED ? c.recorded().issueTimes() : List.of()));
        }
        List<String> cells = new ArrayList<>();
        for (String w : SimJob.WINDOWS) {
            List<String> parts = new ArrayList<>();
            for (Replay.Outcome o : outs) {
                double base = immediate.emissionsByWindow().getOrDefault(w, 0.0);
                parts.add(
                        base == 0
                                ? "–"
                                : String.format(
                                        "%.1f",
                                        100 * (base - o.emissionsByWindow().getOrDefault(w, 0.0)) / base));
            }
            cells.add(String.join(" / ", parts) + " %");
        }
        return String.join(" | ", cells);
    }

    private static String cell(Replay.Outcome o, Replay.Outcome immediate) {
        return String.format("%.1f %% / %.2f %%", saved(o, immediate), 100.0 * o.deadlinesMet() / o.withDeadline());
    }

    private static double saved(Replay.Outcome o, Replay.Outcome immediate) {
        return 100 * (immediate.total() - o.total()) / immediate.total();
    }

    private void scenarioOne(Path data) {
        md.append("\n### Let's Wait Awhile, Scenario I (30-min nightly job at 01:00, 2020, 10 seeds)\n\n");
        md.append(
                "Each cell: the paper's figure → ours scored with the paper's accounting (its `simulate.py` skips the first night "
                        + "but keeps it in the baseline) / ours like for like (the same nights in both sums).\n\n");
        md.append("| window, forecast | DE paper → ours / like for like | GB | FR |\n|---|---|---|---|\n");
        RecordedTrace[] grids = new RecordedTrace[3];
        String[] files = {"ger_ci", "gb_ci", "fr_ci"};
        for (int i = 0; i < 3; i++) {
            grids[i] = LwaScenarioOne.grid2020(
                    RecordedTrace.read(data.resolve("lets-wait-awhile-2020/" + files[i] + ".csv")));
        }
        Object[][] rows = {
            {"±2 h, 5 % error", Duration.ofHours(2), 0.05, new double[] {1.4, 4.8, 3.0}},
            {"±8 h, 5 % error", Duration.ofHours(8), 0.05, new double[] {11.7, 7.9, 5.6}},
            {"±8 h, perfect", Duration.ofHours(8), 0.0, new double[] {13.8, 10.4, 7.8}},
            {"±2 h, perfect", Duration.ofHours(2), 0.0, null},
            {"±8 h, 10 % error", Duration.ofHours(8), 0.10, null},
        };
        for (Object[] r : rows) {
            StringBuilder line = new StringBuilder("| " + r[0]);
            for (int i = 0; i < 3; i++) {
                double[] paper = (double[]) r[3];
                double asPaper = LwaScenarioOne.saving(
                        grids[i], (Duration) r[1], (double) r[2], 10, LwaScenarioOne.Accounting.PAPER);
                double fair = LwaScenarioOne.saving(
                        grids[i], (Duration) r[1], (double) r[2], 10, LwaScenarioOne.Accounting.LIKE_FOR_LIKE);
                line.append(String.format(
                        " | %s → **%.1f %%** / %.1f %%", paper == null ? "–" : paper[i] + " %", asPaper, fair));
            }
            md.append(line).append(" |\n");
        }
    }

    private void timing(Path data) {
        RecordedTrace gb = RecordedTrace.read(data.resolve("lets-wait-awhile-2020/gb_ci.csv"));
        md.append("\n### Planner time for 100 000 waiting jobs (one JVM, after warm-up, best of 5)\n\n");
        md.append(
                "| setup | forecast slots | plan 100 000 | of which wait | re-plan the waiting ones on a newer forecast |\n|---|---|---|---|---|\n");
        PlannerTiming.measure(gb, Integer.MAX_VALUE, 100_000, 2);
        for (int capacity : new int[] {Integer.MAX_VALUE, 2_000}) {
            PlannerTiming.Result r = PlannerTiming.measure(gb, capacity, 100_000, 5);
            md.append(String.format(
                    "| %s | %d | %.0f ms | %d | %.0f ms (%d re-planned) |%n",
                    r.setup(), r.slots(), r.planMs(), r.waiting(), r.replanMs(), r.replanned()));
        }
        md.append(
                        "\nJobs: audio 1–180 min at an assumed 2× real time, deadlines 3–49 h ahead, submitted 2020-06-01 17:00 UTC, GB 2020 trace (30-min slots) ")
                .append("served through the caching feed; Java ")
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" logical CPUs.\n");
    }

    static CarbonIntensityFeed perfect(RecordedTrace t, MutableClock clock) {
        return new TraceCarbonFeed(t, false, clock);
    }

    enum Mode {
        PERFECT("perfect"),
        NOISE_5("+5 % error"),
        NOISE_10("+10 % error"),
        RECORDED("recorded");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        Function<MutableClock, CarbonIntensityFeed> feed(Case c) {
            return switch (this) {
                case PERFECT -> clock -> perfect(c.actual(), clock);
                case NOISE_5 -> noisy(c.actual(), 0.05);
                case NOISE_10 -> noisy(c.actual(), 0.10);
                case RECORDED -> clock -> new RecordedForecastCarbonFeed(c.recorded(), clock);
            };
        }

        private static Function<MutableClock, CarbonIntensityFeed> noisy(RecordedTrace t, double e) {
            Random rnd = new Random(SEED);
            double sd = e * t.meanValue();
            RecordedTrace noisy = t.map(t.name() + "+" + e, i -> sd * rnd.nextGaussian());
            return clock -> perfect(noisy, clock);
        }
    }

    /** The feed during an outage. */
    static final class DownFeed implements CarbonIntensityFeed {
        @Override
        public CarbonForecast forecast(GridZone zone, Instant from, Instant to) {
            throw new CarbonFeedException(CarbonFeedException.Kind.UNAVAILABLE, name(), "down for the replay");
        }

        @Override
        public String name() {
            return "down";
        }
    }
}
