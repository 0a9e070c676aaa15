package io.greenscribe.scheduling.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One job of a replay: when it arrives, how much audio, its deadline (or none) and how long it
 * really runs on the device (the planner only sees the audio length).
 */
record SimJob(int id, Instant arrival, Duration audio, Instant deadline, Duration actualRunTime, String window) {

    static final String[] WINDOWS = {"none", "2h", "8h", "24h"};

    /**
     * A seeded Poisson arrival stream: log-normal audio lengths (median 30 min, 1 min .. 4 h),
     * a device speed of 2× real time ± 10 %, and deadlines of 2, 8 or 24 h after arrival (10 % none).
     */
    static List<SimJob> stream(Instant from, Instant to, double jobsPerHour, long seed) {
        Random rnd = new Random(seed);
        List<SimJob> jobs = new ArrayList<>();
        double meanGapSec = 3600.0 / jobsPerHour;
        Instant t = from;
        int id = 0;
        while (true) {
            t = t.plusSeconds((long) Math.ceil(-Math.log(1 - rnd.nextDouble()) * meanGapSec));
            if (!t.isBefore(to)) {
                return jobs;
            }
            double audioMin = Math.min(240, Math.max(1, Math.exp(Math.log(30) + 0.9 * rnd.nextGaussian())));
            Duration audio = Duration.ofSeconds((long) (audioMin * 60));
            double speed = 2.0 * Math.exp(0.1 * rnd.nextGaussian());
            Duration actual = Duration.ofSeconds((long) Math.ceil(audio.getSeconds() / speed));
            double u = rnd.nextDouble();
            String window = u < 0.1 ? "none" : u < 0.4 ? "2h" : u < 0.7 ? "8h" : "24h";
            Instant deadline =
                    switch (window) {
                        case "2h" -> t.plus(Duration.ofHours(2)).plus(actual.multipliedBy(2));
                        case "8h" -> t.plus(Duration.ofHours(8));
                        case "24h" -> t.plus(Duration.ofHours(24));
                        default -> null;
                    };
            jobs.add(new SimJob(id++, t, audio, deadline, actual, window));
        }
    }
}
