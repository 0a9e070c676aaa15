package io.greenscribe.system;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the native heap that PyTorch allocates tensors from honest about its size.
 *
 * <p>glibc raises its mmap threshold each time a large mmapped block is freed (up to 32 MB), after
 * which tensors of a few megabytes come from per-thread arenas that fragment and are never given
 * back: measured on Whisper tiny, four batches of four windows grew the process from 0.5 GB to
 * 3.2 GB and unloading the model returned nothing. Fixing the threshold at 128 KB (what
 * {@code MALLOC_MMAP_THRESHOLD_=131072} does) kept the same work under 0.65 GB and unloading gave
 * the weights' memory back. Elsewhere than glibc this does nothing.
 */
public final class NativeMemory {

    private static final Logger log = LoggerFactory.getLogger(NativeMemory.class);
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD_BYTES = 128 * 1024;
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
            if (libc().mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) != 1) {
                log.warn("mallopt(M_MMAP_THRESHOLD) was refused; native memory may not be returned after unloading");
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
