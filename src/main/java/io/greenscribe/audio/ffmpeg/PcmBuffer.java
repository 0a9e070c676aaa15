package io.greenscribe.audio.ffmpeg;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Growing store of decoded samples. It fills fixed blocks rather than doubling one array, so a
 * long file never needs a spare copy of itself until the final, exactly sized array is made.
 */
final class PcmBuffer {

    private static final int BLOCK_SAMPLES = 1 << 20;

    private final List<float[]> blocks = new ArrayList<>();
    private float[] current = new float[0];
    private int fill;
    private long size;

    long size() {
        return size;
    }

    /** Appends {@code count} samples from the start of {@code source}. */
    void append(FloatPointer source, int count) {
        int copied = 0;
        while (copied < count) {
            if (fill == current.length) {
                current = new float[BLOCK_SAMPLES];
                blocks.add(current);
                fill = 0;
            }
            int n = Math.min(count - copied, current.length - fill);
            source.position(copied).get(current, fill, n);
            fill += n;
            copied += n;
        }
        source.position(0);
        size += count;
    }

    float[] toArray() {
        float[] out = new float[Math.toIntExact(size)];
        int offset = 0;
        for (float[] block : blocks) {
            int n = (int) Math.min(block.length, size - offset);
            System.arraycopy(block, 0, out, offset, n);
            offset += n;
        }
        return out;
    }
}
