package io.greenscribe.diarization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Spectral clustering of speaker embeddings with the count estimated by the eigengap, after
 * Park et al., "Auto-Tuning Spectral Clustering for Speaker Diarization Using Normalized Maximum
 * Eigengap" (2019): the cosine affinity is pruned to each row's {@code p} nearest neighbours and
 * symmetrised; the unnormalised Laplacian's largest gap between consecutive small eigenvalues gives
 * the count; {@code p} is the one whose gap is widest for its size. Rows of the first {@code k}
 * eigenvectors are then grouped by k-means++. Clusters whose mean embeddings are as alike as one
 * voice's are merged afterwards: the eigengap cannot tell one speaker from two, and this also
 * stops a count above the truth.
 *
 * <p>Eigen decomposition and k-means++ are Apache Commons Math's. The decomposition is cubic in
 * the number of embeddings, so at most {@link #MAX_POINTS} evenly spaced ones are clustered and the
 * rest join the nearest cluster's mean.
 */
final class SpectralClustering {

    static final int MAX_POINTS = 600;

    /** Mean embeddings at least this alike are taken for one voice (GE2E: same voice ≈ 0.8–0.95). */
    static final double SAME_SPEAKER = 0.82;

    private static final long SEED = 20_251_204L;

    private SpectralClustering() {}

    /** A cluster label from 0 for each embedding. */
    static int[] cluster(float[][] embeddings, SpeakerLimits limits) {
        int n = embeddings.length;
        if (n == 0) {
            return new int[0];
        }
        if (n <= limits.min()) {
            return identity(n); // too few to cluster: each its own speaker
        }
        if (n < 3) {
            return new int[n];
        }
        int[] sample = evenlySpaced(n, MAX_POINTS);
        float[][] points = new float[sample.length][];
        for (int i = 0; i < sample.length; i++) {
            points[i] = embeddings[sample[i]];
        }
        int[] sampled = clusterPoints(points, limits);
        float[][] centroids = centroids(points, sampled);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = nearest(embeddings[i], centroids);
        }
        return mergeAlike(embeddings, labels, limits);
    }

    private static int[] clusterPoints(float[][] x, SpeakerLimits limits) {
        int n = x.length;
        double[][] affinity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double c = Embeddings.cosine(x[i], x[j]);
                affinity[i][j] = c;
                affinity[j][i] = c;
            }
        }
        int maxK = Math.min(limits.max(), n - 1);
        int minK = Math.min(limits.min(), maxK);
        Choice best = null;
        for (int p : neighbourCounts(n)) {
            Choice c = eigengap(prune(affinity, p), minK, maxK, limits.fixed());
            double ratio = (double) p / n / Math.max(c.gap, 1e-9);
            if (best == null || ratio < best.ratio) {
                best = new Choice(c.k, c.gap, ratio, c.vectors);
            }
        }
        return kMeans(best.vectors, best.k, n);
    }

    /** Neighbour counts tried: 1 % to 25 % of the points, at least 2. */
    private static int[] neighbourCounts(int n) {
        List<Integer> counts = new ArrayList<>();
        for (double share = 0.01; share <= 0.25 + 1e-9; share += 0.03) {
            int p = Math.max(2, (int) Math.round(share * n));
            if (p < n && (counts.isEmpty() || counts.get(counts.size() - 1) != p)) {
                counts.add(p);
            }
        }
        if (counts.isEmpty()) {
            counts.add(Math.max(1, n - 1));
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Each row's {@code p} most similar other points set to 1, the rest 0, then (A + Aᵀ) / 2. */
    private static double[][] prune(double[][] affinity, int p) {
        int n = affinity.length;
        double[][] binary = new double[n][n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            final double[] row = affinity[i];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(row[b], row[a]));
            int kept = 0;
            for (int j = 0; j < n && kept < p; j++) {
                if (order[j] != i) {
                    binary[i][order[j]] = 1;
                    kept++;
                }
            }
        }
        double[][] sym = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sym[i][j] = (binary[i][j] + binary[j][i]) / 2;
            }
        }
        return sym;
    }

    private record Choice(int k, double gap, double ratio, double[][] vectors) {}

    /** Count from the Laplacian's eigengap within [minK, maxK], and the first eigenvectors. */
    private static Choice eigengap(double[][] a, int minK, int maxK, boolean fixed) {
        int n = a.length;
        double[][] laplacian = new double[n][n];
        for (int i = 0; i < n; i++) {
            double degree = 0;
            for (int j = 0; j < n; j++) {
                degree += a[i][j];
                laplacian[i][j] = -a[i][j];
            }
            laplacian[i][i] += degree;
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(laplacian, false));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double largest = Math.max(values[order[n - 1]], 1e-12);
        int k = minK;
        double gap = -1;
        for (int c = minK; c <= maxK; c++) {
            // gap after the c-th smallest eigenvalue, relative to the largest
            double g = (values[order[c]] - values[order[c - 1]]) / largest;
            if (g > gap) {
                gap = g;
                k = c;
            }
        }
        if (fixed) {
            k = minK;
        }
        RealMatrix vectors = eigen.getV();
        double[][] rows = new double[n][k];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                rows[i][c] = vectors.getEntry(i, order[c]);
            }
        }
        return new Choice(k, gap, 0, rows);
    }

    private static int[] kMeans(double[][] rows, int k, int n) {
        if (k == 1) {
            return new int[n];
        }
        List<DoublePoint> points = new ArrayList<>(n);
        for (double[] row : rows) {
            points.add(new DoublePoint(row));
        }
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(SEED);
        KMeansPlusPlusClusterer<DoublePoint> once = new KMeansPlusPlusClusterer<>(
                k, 300, new org.apache.commons.math3.ml.distance.EuclideanDistance(), random);
        List<CentroidCluster<DoublePoint>> clusters = new MultiKMeansPlusPlusClusterer<>(once, 10).cluster(points);
        // DoublePoint compares by value; identical embeddings must still keep their own rows
        Map<DoublePoint, Integer> row = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            row.put(points.get(i), i);
        }
        int[] labels = new int[n];
        for (int c = 0; c < clusters.size(); c++) {
            for (DoublePoint p : clusters.get(c).getPoints()) {
                labels[row.get(p)] = c;
            }
        }
        return labels;
    }

    /** Merges the two most alike clusters while their means are one voice's and the minimum allows. */
    static int[] mergeAlike(float[][] x, int[] labels, SpeakerLimits limits) {
        int[] merged = compact(labels);
        while (true) {
            float[][] means = centroids(x, merged);
            int k = means.length;
            if (k <= limits.min()) {
                return merged;
            }
            int a = -1;
            int b = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    double c = Embeddings.cosine(means[i], means[j]);
                    if (c > best) {
                        best = c;
                        a = i;
                        b = j;
                    }
                }
            }
            if (best < SAME_SPEAKER && k <= limits.max()) {
                return merged;
            }
            for (int i = 0; i < merged.length; i++) {
                if (merged[i] == b) {
                    merged[i] = a;
                }
            }
            merged = compact(merged);
        }
    }

    static float[][] centroids(float[][] x, int[] labels) {
        int k = Arrays.stream(labels).max().orElse(-1) + 1;
        float[][] means = new float[k][x.length == 0 ? 0 : x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < x[i].length; d++) {
                means[labels[i]][d] += x[i][d];
            }
        }
        return means;
    }

    private static int nearest(float[] e, float[][] centroids) {
        int best = 0;
        double score = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double s = Embeddings.cosine(e, centroids[c]);
            if (s > score) {
                score = s;
                best = c;
            }
        }
        return best;
    }

    /** Labels renumbered 0.. in order of first appearance, with no gaps. */
    static int[] compact(int[] labels) {
        int[] map = new int[Arrays.stream(labels).max().orElse(-1) + 1];
        Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) {
                map[labels[i]] = next++;
            }
            out[i] = map[labels[i]];
        }
        return out;
    }

    private static int[] evenlySpaced(int n, int most) {
        int m = Math.min(n, most);
        int[] picked = new int[m];
        for (int i = 0; i < m; i++) {
            picked[i] = (int) ((long) i * n / m);
        }
        return picked;
    }

    private static int[] identity(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i;
        }
        return labels;
    }
}
