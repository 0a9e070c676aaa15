package io.greenscribe.diarization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the long pauses out of the speech stretches, as Resemblyzer's {@code trim_long_silences}
 * does before embedding (webrtcvad there; a level gate here, on the same 30 ms frames). The VAD's
 * stretches are cut for recognition — padded 0.4 s and joined across pauses of up to 2 s — and
 * every pause left in them would be given to a speaker.
 *
 * <p>A frame is quiet below {@link #FLOOR_DB} under the 95th-percentile frame level of all the
 * speech (a percentile, so one loud click does not set it); a run of quiet frames of at least
 * {@link #MIN_PAUSE_FRAMES} is cut, shorter ones (between words) stay.
 */
final class SilenceTrim {

    static final int FRAME = 480; // 30 ms at 16 kHz
    static final double FLOOR_DB = -30;
    static final int MIN_PAUSE_FRAMES = 9; // 270 ms

    private SilenceTrim() {}

    static List<Diarizer.Speech> trim(float[] samples, List<Diarizer.Speech> pieces) {
        List<double[]> levels = new ArrayList<>();
        int count = 0;
        for (Diarizer.Speech p : pieces) {
            double[] l = levels(samples, p);
            levels.add(l);
            count += l.length;
        }
        if (count == 0) {
            return pieces;
        }
        double[] all = new double[count];
        int at = 0;
        for (double[] l : levels) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        Arrays.sort(all);
        double floor = all[(int) (0.95 * (count - 1))] * Math.pow(10, FLOOR_DB / 20);
        List<Diarizer.Speech> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Diarizer.Speech p = pieces.get(i);
            double[] l = levels.get(i);
            int start = p.start();
            int f = 0;
            while (f < l.length) {
                if (l[f] >= floor) {
                    f++;
                    continue;
                }
                int g = f;
                while (g < l.length && l[g] < floor) {
                    g++;
                }
                if (g - f >= MIN_PAUSE_FRAMES) {
                    int cut = p.start() + f * FRAME;
                    if (cut > start) {
                        out.add(new Diarizer.Speech(start, cut));
                    }
                    start = Math.min(p.end(), p.start() + g * FRAME);
                }
                f = g;
            }
            if (p.end() > start) {
                out.add(new Diarizer.Speech(start, p.end()));
            }
        }
        return out;
    }

    /** RMS of each 30 ms frame of the piece (the last one partial). */
    private static double[] levels(float[] samples, Diarizer.Speech p) {
        int n = (p.end() - p.start() + FRAME - 1) / FRAME;
        double[] l = new double[n];
        for (int f = 0; f < n; f++) {
            int from = p.start() + f * FRAME;
            int to = Math.min(p.end(), from + FRAME);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += (double) samples[i] * samples[i];
            }
            l[f] = Math.sqrt(sum / Math.max(1, to - from));
        }
        return l;
    }
}
