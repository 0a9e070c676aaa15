package io.greenscribe.system;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the native heap that PyTorch allocates tensors from honest about its size, without paying
 * for fresh pages on every tensor.
 *
 * <p>glibc raises its mmap threshold each time a large mmapped block is freed (up to 32 MB) and
 * trims the heap top whenever 128 KB are free. Left alone on Whisper tiny, four batches of four
 * windows grew the process from 0.5 GB to 3.2 GB. The first fix pinned the mmap threshold at 128 KB:
 * memory stayed flat, but every tensor above 128 KB then came from a fresh mmap, so each one was
 * zero-filled and page-faulted in by the kernel, and the encoder spent 40 % of its time there
 * (0.45 s per window against 0.26 s). So the threshold is now pinned at 32 MB (it can no longer float)
 * and the heap keeps up to 128 MB of free top before trimming: tensors below 32 MB reuse heap pages,
 * larger ones are still mapped and returned at once, and {@link #trim()} after unloading a model
 * gives the free pages back. Measured on the 44 en-short clips: peak RSS about 1.0 GB against
 * 0.75 GB with the 128 KB threshold, transcription 25 % faster. Elsewhere than glibc this does nothing.
 */
public final class NativeMemory {

    private static final Logger log = LoggerFactory.getLogger(NativeMemory.class);
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int MMAP_THRESHOLD_BYTES = 32 * 1024 * 1024;
    private static final int TRIM_THRESHOLD_BYTES = 128 * 1024 * 1024;
    private static final AtomicBoolean configured = new AtomicBoolean();

    private NativeMemory() {}

    interface LibC extends Library {
        int mallopt(int param, int value);

        int malloc_trim(long pad);
    }

    /** Fixes glibc's mmap threshold once per process; later calls do nothing. */
    public static void configure() {
        if (!configured.compareAndSet(false, true) || !isGlibc()) {
            return;
        }
        try {
            if (libc().mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) != 1
                    || libc().mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) != 1) {
                log.warn(
                        "mallopt(M_MMAP_THRESHOLD/M_TRIM_THRESHOLD) was refused; native memory may not be returned after unloading");
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            log.warn("cannot tune the native allocator: {}", e.getMessage());
        }
    }

    /** Returns free native heap pages to the operating system (after a model is unloaded). */
    public static void trim() {
        if (!isGlibc()) {
            return;
        }
        try {
            libc().malloc_trim(0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            log.debug("malloc_trim unavailable: {}", e.getMessage());
        }
    }

    private static boolean isGlibc() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux");
    }

    private static LibC libc() {
        return Holder.LIBC;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }
}
