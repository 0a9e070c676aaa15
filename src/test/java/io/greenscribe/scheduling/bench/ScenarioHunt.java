package io.greenscribe.scheduling.bench;

import io.greenscribe.carbon.trace.RecordedTrace;
import io.greenscribe.scheduling.PlannerPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Scenario I ±8 h, 5 % error, 2020, like for like: the default beside variants of its margin and bars. */
final class ScenarioHunt {
    public static void main(String[] a) {
        PlannerPolicy d = PlannerPolicy.defaults();
        PlannerPolicy[] ps = {
            d,
            d.withRunTime(1.0, d.safetyMargin()),
            d.withRunTime(d.runTimeFactor(), Duration.ZERO),
            d.withSavingBars(0, 0),
            LwaScenarioOne.PAPER
        };
        String[] names = {"default", "factor1", "margin0", "nobars", "paper"};
        for (String f : new String[] {"ger_ci", "gb_ci"}) {
            RecordedTrace t = RecordedTrace.read(Path.of("../shared/data/carbon/lets-wait-awhile-2020/" + f + ".csv"));
            Instant from = Instant.parse("2020-01-02T00:00:00Z");
            StringBuilder line = new StringBuilder(f);
            for (int k = 0; k < ps.length; k++) {
                double sum = 0;
                for (int seed = 0; seed < 10; seed++) {
                    Random rnd = new Random(seed);
                    double sd = 0.05 * t.meanValue();
                    RecordedTrace fc = t.map(t.name() + "+n", i -> sd * rnd.nextGaussian());
                    sum += LwaScenarioOne.once(
                            t, fc, Duration.ofHours(8), LwaScenarioOne.Accounting.LIKE_FOR_LIKE, ps[k], from, 360);
                }
                line.append(String.format(" %s %.2f%%", names[k], sum / 10));
            }
            System.out.println(line);
        }
    }
}
