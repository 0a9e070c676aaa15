package io.greenscribe.carbon.bench;

import io.greenscribe.carbon.OutagePolicy;
import io.greenscribe.carbon.PlannerPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * Lists every missed deadline of GreenScribe's replays (all traces, all forecast modes, and the feed
 * down under LATEST_SAFE_START), with what the planner last decided for the job: the tool for
 * finding out why a job was late. Usage: {@code MissHunt [verbose]}, from the repository root.
 */
public final class MissHunt {
    public static void main(String[] args) {
        List<CarbonReplayBenchmark.Case> cases = CarbonReplayBenchmark.cases(Path.of("../shared/data/carbon"));
        boolean verbose = args.length > 0;
        int total = 0;
        PlannerPolicy d = PlannerPolicy.defaults();
        PlannerPolicy latest = new PlannerPolicy(d.runTimeFactor(), d.safetyMargin(), d.minSavingPct(), d.horizon(),
                OutagePolicy.LATEST_SAFE_START, d.urgentSlack(), d.flexibleShare());
        for (CarbonReplayBenchmark.Case c : cases) {
            List<SimJob> jobs = SimJob.stream(c.from(), c.to(), 6, 2021);
            Replay r = new Replay(c.actual(), jobs, 4, d);
            for (CarbonReplayBenchmark.Mode mode : CarbonReplayBenchmark.Mode.values()) {
                if (mode == CarbonReplayBenchmark.Mode.RECORDED && c.recorded() == null) continue;
                Replay.Outcome o = r.run(Strategy.GREENSCRIBE, mode.feed(c), mode == CarbonReplayBenchmark.Mode.RECORDED ? c.recorded().issueTimes() : List.of());
                report(c.region() + " " + mode, o, verbose);
                total += o.misses().size();
            }
            Replay.Outcome o = new Replay(c.actual(), jobs, 4, latest).run(Strategy.GREENSCRIBE, clock -> new CarbonReplayBenchmark.DownFeed(), List.of());
            report(c.region() + " down/latest", o, verbose);
            total += o.misses().size();
        }
        System.out.println("TOTAL MISSES " + total);
    }

    static void report(String label, Replay.Outcome o, boolean verbose) {
        System.out.println(label + ": missed " + o.misses().size() + " of " + o.withDeadline() + "  exhausted="
                + o.reasons().get(io.greenscribe.carbon.SchedulingDecision.Reason.CAPACITY_EXHAUSTED));
        if (verbose) o.misses().forEach(x -> System.out.println("   " + x));
    }
}
