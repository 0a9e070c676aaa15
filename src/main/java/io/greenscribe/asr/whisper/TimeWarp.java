package io.greenscribe.asr.whisper;

/**
 * The numeric steps of Whisper's word alignment: cross-attention rows normalised per frame,
 * median-smoothed along time, and a monotonic path through them by dynamic time warping.
 */
final class TimeWarp {

    private TimeWarp() {}

    /** Standardises each frame (column) across tokens (rows), in place. */
    static void standardizeColumns(float[][] m) {
        int rows = m.length;
        int cols = m[0].length;
        for (int c = 0; c < cols; c++) {
            double mean = 0;
            for (float[] row : m) {
                mean += row[c];
            }
            mean /= rows;
            double var = 0;
            for (float[] row : m) {
                var += (row[c] - mean) * (row[c] - mean);
            }
            double std = Math.sqrt(var / rows);
            for (float[] row : m) {
                row[c] = (float) ((row[c] - mean) / (std == 0 ? 1 : std));
            }
        }
    }

    /** Median over a sliding window of {@code width} along each row, reflecting at the edges. */
    static float[] medianFilter(float[] row, int width) {
        int half = width / 2;
        int n = row.length;
        float[] out = new float[n];
        float[] window = new float[width];
        for (int i = 0; i < n; i++) {
            for (int k = -half; k <= half; k++) {
                int j = i + k;
                if (j < 0) {
                    j = -j;
                }
                if (j >= n) {
                    j = 2 * (n - 1) - j;
                }
                window[k + half] = row[Math.max(0, Math.min(n - 1, j))];
            }
            java.util.Arrays.sort(window);
            out[i] = window[half];
        }
        return out;
    }

    /**
     * Cheapest monotonic path from (0, 0) to (rows-1, cols-1) through {@code cost}; returns for each
     * step of the path {row, col}, in order.
     */
    static int[][] path(float[][] cost) {
        int n = cost.length;
        int m = cost[0].length;
        double[][] total = new double[n + 1][m + 1];
        byte[][] trace = new byte[n + 1][m + 1];
        for (double[] row : total) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        total[0][0] = 0;
        for (int j = 1; j <= m; j++) {
            for (int i = 1; i <= n; i++) {
                double diagonal = total[i - 1][j - 1];
                double up = total[i - 1][j];
                double left = total[i][j - 1];
                double best;
                byte t;
                if (diagonal < up && diagonal < left) {
                    best = diagonal;
                    t = 0;
                } else if (up < diagonal && up < left) {
                    best = up;
                    t = 1;
                } else {
                    best = left;
                    t = 2;
                }
                total[i][j] = cost[i - 1][j - 1] + best;
                trace[i][j] = t;
            }
        }
        java.util.ArrayDeque<int[]> steps = new java.util.ArrayDeque<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            steps.push(new int[] {i - 1, j - 1});
            byte t = i == 0 ? 2 : j == 0 ? 1 : trace[i][j];
            if (t == 0) {
                i--;
                j--;
            } else if (t == 1) {
                i--;
            } else {
                j--;
            }
        }
        return steps.toArray(new int[0][]);
    }
}
