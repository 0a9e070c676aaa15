package io.greenscribe.asr.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;

/**
 * Key/value caches of one batch being decoded: the fixed cross-attention projections of the audio
 * and the growing self-attention cache. Arrays here outlive the per-step {@link NDScope}, so this
 * class owns and closes them.
 */
final class DecoderState implements AutoCloseable {

    private final NDArray[] crossKeys;
    private final NDArray[] crossValues;
    private final NDArray[] selfKeys;
    private final NDArray[] selfValues;
    private int length;

    DecoderState(NDArray[] crossKeys, NDArray[] crossValues) {
        this.crossKeys = crossKeys;
        this.crossValues = crossValues;
        this.selfKeys = new NDArray[crossKeys.length];
        this.selfValues = new NDArray[crossKeys.length];
        keep(crossKeys);
        keep(crossValues);
    }

    int length() {
        return length;
    }

    void advance(int tokens) {
        length += tokens;
    }

    NDArray crossKeys(int layer) {
        return crossKeys[layer];
    }

    NDArray crossValues(int layer) {
        return crossValues[layer];
    }

    NDArray appendKeys(int layer, NDArray keys) {
        return append(selfKeys, layer, keys);
    }

    NDArray appendValues(int layer, NDArray values) {
        return append(selfValues, layer, values);
    }

    /** Drops finished sequences so later steps only compute the rows still decoding. */
    void keepRows(long[] rows) {
        for (NDArray[] cache : new NDArray[][] {crossKeys, crossValues, selfKeys, selfValues}) {
            for (int layer = 0; layer < cache.length; layer++) {
                if (cache[layer] == null) {
                    continue;
                }
                NDManager manager = cache[layer].getManager();
                NDArray index = manager.create(rows);
                NDArray kept = cache[layer].get(new NDIndex("{}", index));
                NDScope.unregister(kept);
                cache[layer].close();
                index.close();
                cache[layer] = kept;
            }
        }
    }

    private static NDArray append(NDArray[] cache, int layer, NDArray added) {
        NDArray previous = cache[layer];
        NDArray combined = previous == null ? added : previous.concat(added, 2);
        NDScope.unregister(combined);
        if (previous != null) {
            previous.close();
        }
        cache[layer] = combined;
        return combined;
    }

    private static void keep(NDArray[] arrays) {
        for (NDArray array : arrays) {
            NDScope.unregister(array);
        }
    }

    @Override
    public void close() {
        for (NDArray[] cache : new NDArray[][] {crossKeys, crossValues, selfKeys, selfValues}) {
            for (NDArray array : cache) {
                if (array != null) {
                    array.close();
                }
            }
        }
    }
}
