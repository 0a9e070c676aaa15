package io.greenscribe.diarization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Count estimation and grouping on synthetic embeddings shaped like GE2E's (non-negative, unit
 * length; one voice's windows ≈ 0.85 alike, two voices' ≈ 0.5), in turns as a meeting has them.
 */
class SpectralClusteringTests {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7})
    void estimatesTheNumberOfSpeakers(int speakers) {
        int[] truth = turns(speakers, 240, new Random(speakers));
        float[][] x = embeddings(truth, speakers, new Random(100 + speakers));

        int[] labels = SpectralClustering.cluster(x, SpeakerLimits.of(null, null, null));

        assertThat(distinct(labels)).isEqualTo(speakers);
        assertThat(purity(labels, truth)).isGreaterThan(0.98);
    }

    @Test
    void aFixedCountIsKeptEvenWhenTheVoicesAreAlike() {
        int[] truth = turns(1, 120, new Random(3));
        float[][] x = embeddings(truth, 1, new Random(4));

        assertThat(distinct(SpectralClustering.cluster(x, SpeakerLimits.of(2, null, null))))
                .isEqualTo(2);
    }

    @Test
    void theMaximumCapsTheEstimate() {
        int[] truth = turns(5, 240, new Random(5));
        float[][] x = embeddings(truth, 5, new Random(6));

        assertThat(distinct(SpectralClustering.cluster(x, SpeakerLimits.of(null, 1, 3))))
                .isEqualTo(3);
    }

    @Test
    void aMinimumAboveTheEstimateIsHonoured() {
        int[] truth = turns(2, 200, new Random(7));
        float[][] x = embeddings(truth, 2, new Random(8));

        assertThat(distinct(SpectralClustering.cluster(x, SpeakerLimits.of(null, 4, 6))))
                .isEqualTo(4);
    }

    @Test
    void moreEmbeddingsThanAreDecomposedAreStillAllLabelled() {
        int n = SpectralClustering.MAX_POINTS * 2 + 17;
        int[] truth = turns(3, n, new Random(9));
        float[][] x = embeddings(truth, 3, new Random(10));

        int[] labels = SpectralClustering.cluster(x, SpeakerLimits.of(null, null, null));

        assertThat(labels).hasSize(n);
        assertThat(distinct(labels)).isEqualTo(3);
        assertThat(purity(labels, truth)).isGreaterThan(0.98);
    }

    @Test
    void tooFewWindowsToClusterAreOneSpeaker() {
        float[][] x = embeddings(new int[] {0, 1}, 2, new Random(11));

        assertThat(SpectralClustering.cluster(x, SpeakerLimits.of(null, null, null)))
                .containsExactly(0, 0);
        assertThat(SpectralClustering.cluster(new float[0][], SpeakerLimits.of(null, null, null)))
                .isEmpty();
    }

    /** Speaker of each window: turns of 4-40 windows (2-20 s at 0.5 s), never the same twice. */
    static int[] turns(int speakers, int n, Random random) {
        int[] truth = new int[n];
        int speaker = 0;
        int i = 0;
        int turn = 0;
        while (i < n) {
            // every speaker takes a turn before anyone repeats
            speaker = turn < speakers ? turn : (speaker + 1 + random.nextInt(Math.max(1, speakers - 1))) % speakers;
            int length = 4 + random.nextInt(37);
            for (int k = 0; k < length && i < n; k++) {
                truth[i++] = speaker;
            }
            turn++;
        }
        return truth;
    }

    static float[][] embeddings(int[] truth, int speakers, Random random) {
        int dim = 256;
        float[][] centres = new float[speakers][dim];
        for (float[] c : centres) {
            for (int d = 0; d < dim; d++) {
                c[d] = random.nextFloat() < 0.5 ? 0f : (float) Math.abs(random.nextGaussian());
            }
        }
        float[][] x = new float[truth.length][dim];
        for (int i = 0; i < truth.length; i++) {
            for (int d = 0; d < dim; d++) {
                x[i][d] = (float) Math.max(0, centres[truth[i]][d] + 0.35 * random.nextGaussian());
            }
            normalize(x[i]);
        }
        return x;
    }

    private static void normalize(float[] v) {
        double n = 0;
        for (float f : v) {
            n += f * f;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(n);
        }
    }

    private static int distinct(int[] labels) {
        return (int) Arrays.stream(labels).distinct().count();
    }

    /** Share of windows whose label is their true speaker's majority label. */
    private static double purity(int[] labels, int[] truth) {
        int k = Arrays.stream(truth).max().orElse(0) + 1;
        int m = Arrays.stream(labels).max().orElse(0) + 1;
        int[][] counts = new int[k][m];
        for (int i = 0; i < labels.length; i++) {
            counts[truth[i]][labels[i]]++;
        }
        int right = 0;
        for (int[] row : counts) {
            right += Arrays.stream(row).max().orElse(0);
        }
        return right / (double) labels.length;
    }
}
