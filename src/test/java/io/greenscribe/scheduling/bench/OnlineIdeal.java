package io.greenscribe.scheduling.bench;

import io.greenscribe.carbon.trace.RecordedTrace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/** Hourly traces only: the best online schedule without knowing arrivals (exact flow each hour over known jobs). */
final class OnlineIdeal {
    public static void main(String[] a) {
        RecordedTrace t = RecordedTrace.read(Path.of(a[0]), ZoneId.of("UTC"));
        Instant from =
                java.time.LocalDate.parse(a[1]).atStartOfDay(ZoneId.of("UTC")).toInstant();
        int days = Integer.parseInt(a[2]);
        int slack = Integer.parseInt(a[3]);
        int workers = Integer.parseInt(a[4]);
        boolean expect = a.length > 5;
        int hours = days * 24;
        double[] ci = new double[hours + slack + 2];
        for (int h = 0; h < ci.length; h++) {
            long s = from.getEpochSecond() + h * 3600L;
            ci[h] = t.integral(s, s + 3600) / 3600;
        }
        List<Integer> waiting = new ArrayList<>(); // arrival hour
        double online = 0;
        double immediate = 0;
        int qi = 0;
        List<Integer> q = new ArrayList<>();
        for (int h = 0; h < hours + slack + 1; h++) {
            if (h < hours) {
                waiting.add(h);
                q.add(h);
            }
            // immediate: FIFO on workers
            for (int k = 0; k < workers && qi < q.size(); k++) {
                immediate += ci[h];
                qi++;
            }
            // flow over waiting jobs: job j may use hours [h, arrival+slack]
            var g = new SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge>(DefaultWeightedEdge.class);
            int horizon = 25; // expected arrivals reach 23 h ahead, then their slack
            g.addVertex(0);
            java.util.Map<DefaultWeightedEdge, Integer> cap = new java.util.HashMap<>();
            java.util.Map<Integer, Integer> sup = new java.util.HashMap<>();
            for (int s = 0; s < horizon + slack; s++) {
                g.addVertex(1 + s);
                cap.put(g.addEdge(1 + s, 0), workers);
            }
            int total = 0;
            List<DefaultWeightedEdge> nowArcs = new ArrayList<>();
            int v = 1 + horizon + slack;
            List<int[]> jobs = new ArrayList<>();
            for (int arr : waiting) jobs.add(new int[] {arr, 1});
            if (expect) for (int arr = h + 1; arr < h + 24 && arr < hours; arr++) jobs.add(new int[] {arr, 0});
            List<Integer> real = new ArrayList<>();
            for (int[] j : jobs) {
                g.addVertex(v);
                sup.put(v, 1);
                total++;
                for (int s = Math.max(h, j[0]); s <= j[0] + slack; s++) {
                    DefaultWeightedEdge e = g.addEdge(v, 1 + s - h);
                    g.setEdgeWeight(e, ci[s] + (s - h) * 1e-3);
                    cap.put(e, 1);
                    if (s == h && j[1] == 1) {
                        nowArcs.add(e);
                        real.add(j[0]);
                    }
                }
                v++;
            }
            sup.put(0, -total);
            var flow = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
                    .getMinimumCostFlow(new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                            g, x -> sup.getOrDefault(x, 0), cap::get));
            for (int i = 0; i < nowArcs.size(); i++) {
                if (flow.getFlow(nowArcs.get(i)) > 0.5) {
                    online += ci[h];
                    waiting.remove(real.get(i));
                }
            }
        }
        // offline optimum
        var sim = ScheduleReplay.hourlyJobs(from, from.plus(Duration.ofDays(days)), Duration.ofHours(slack));
        double opt = ScheduleReplay.optimum(t, sim, workers) / 3600;
        System.out.printf(
                "online-ideal %.2f%% opt %.2f%% fraction %.2f%n",
                100 * (immediate - online) / immediate,
                100 * (immediate - opt) / immediate,
                (immediate - online) / (immediate - opt));
    }
}
