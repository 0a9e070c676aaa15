package io.greenscribe.scheduling.bench;

import io.greenscribe.scheduling.OutagePolicy;
import io.greenscribe.scheduling.PlannerPolicy;
import io.greenscribe.scheduling.SchedulingDecision;
import java.nio.file.Path;
import java.util.List;

/**
 * Lists every missed deadline of GreenScribe's replays (all traces, all forecast modes, and the feed
 * down under LATEST_SAFE_START), with what the planner last decided for the job, and the saving:
 * the tool for finding out why a job was late and what a policy change costs.
 * Usage, from the repository root: {@code MissHunt [flexible share, default 0.75] [slack reserve, default 0.4]
 * [verbose]}; {@code -Dseeds=2021,7,13} replays several arrival streams.
 */
public final class MissHunt {

    private MissHunt() {}

    public static void main(String[] args) {
        List<CarbonReplayBenchmark.Case> cases = CarbonReplayBenchmark.cases(Path.of("../shared/data/carbon"));
        PlannerPolicy d = PlannerPolicy.defaults();
        double share = args.length > 0 ? Double.parseDouble(args[0]) : d.flexibleShare();
        double reserve = args.length > 1 ? Double.parseDouble(args[1]) : d.slackReserve();
        boolean verbose = args.length > 2;
        PlannerPolicy policy = d.withShares(share, reserve);
        PlannerPolicy latest = policy.withOutagePolicy(OutagePolicy.LATEST_SAFE_START);
        int total = 0;
        double savedSum = 0;
        int runs = 0;
        long[] seeds = java.util.Arrays.stream(System.getProperty("seeds", "" + CarbonReplayBenchmark.SEED)
                        .split(","))
                .mapToLong(Long::parseLong)
                .toArray();
        for (long seed : seeds) {
            for (CarbonReplayBenchmark.Case c : cases) {
                List<SimJob> jobs = SimJob.stream(c.from(), c.to(), CarbonReplayBenchmark.JOBS_PER_HOUR, seed);
                Replay r = new Replay(c.actual(), jobs, CarbonReplayBenchmark.WORKERS, policy);
                Replay.Outcome immediate =
                        r.run(Strategy.IMMEDIATE, clock -> CarbonReplayBenchmark.perfect(c.actual(), clock), List.of());
                for (CarbonReplayBenchmark.Mode mode : CarbonReplayBenchmark.Mode.values()) {
                    if (mode == CarbonReplayBenchmark.Mode.RECORDED && c.recorded() == null) {
                        continue;
                    }
                    Replay.Outcome o = r.run(
                            Strategy.GREENSCRIBE,
                            mode.feed(c),
                            mode == CarbonReplayBenchmark.Mode.RECORDED
                                    ? c.recorded().issueTimes()
                                    : List.of());
                    double saved = 100 * (immediate.total() - o.total()) / immediate.total();
                    savedSum += saved;
                    runs++;
                    report(c.region() + " " + mode, o, saved, verbose);
                    total += o.misses().size();
                }
                Replay.Outcome o = new Replay(c.actual(), jobs, CarbonReplayBenchmark.WORKERS, latest)
                        .run(Strategy.GREENSCRIBE, clock -> new CarbonReplayBenchmark.DownFeed(), List.of());
                report(
                        c.region() + " down/latest",
                        o,
                        100 * (immediate.total() - o.total()) / immediate.total(),
                        verbose);
                total += o.misses().size();
            }
        }
        System.out.printf(
                "share %.2f, slack reserve %.2f: TOTAL MISSES %d, mean saving with forecasts %.2f %%%n",
                share, reserve, total, savedSum / runs);
    }

    private static void report(String label, Replay.Outcome o, double saved, boolean verbose) {
        System.out.printf(
                "%s: missed %d of %d, saved %.1f %%, exhausted %s%n",
                label,
                o.misses().size(),
                o.withDeadline(),
                saved,
                o.reasons().get(SchedulingDecision.Reason.CAPACITY_EXHAUSTED));
        if (verbose) {
            for (Replay.Miss m : o.misses()) {
                System.out.println("   " + m);
                for (Replay.Miss r : o.runs()) {
                    java.time.Instant end = r.started().plus(r.job().actualRunTime());
                    if (r.started().isBefore(m.started()) && end.isAfter(m.readyAt()) && r != m) {
                        System.out.println("      busy: job " + r.job().id() + " "
                                + r.job().window() + " ready " + r.readyAt()
                                + " started " + r.started() + " ends " + end + " runs "
                                + r.job().actualRunTime().toMinutes()
                                + " est "
                                + (r.decision() == null
                                        ? "-"
                                        : r.decision().estimatedRunTime().toMinutes() + " "
                                                + r.decision().reason() + " runAt "
                                                + r.decision().runAt() + " decided "
                                                + r.decision().decidedAt()));
                    }
                }
            }
        }
    }
}
