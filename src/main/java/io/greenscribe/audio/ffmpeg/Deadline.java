package io.greenscribe.audio.ffmpeg;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The time limit of one decoding, visible to FFmpeg through the format context's interrupt
 * callback, so that even a read or probe stuck inside FFmpeg gives up with {@code AVERROR_EXIT}.
 */
final class Deadline implements AutoCloseable {

    /**
     * One native callback shared by every decoding: JavaCPP caps how many function-pointer
     * instances may be alive at once, so each decoding is told apart by its opaque token instead.
     */
    static final AVIOInterruptCB.Callback_Pointer CALLBACK = new InterruptCallback();

    private static final Map<Long, Deadline> ACTIVE = new ConcurrentHashMap<>();

    private final BytePointer token = new BytePointer(1);
    private final long expiresAtNanos;
    private final Thread owner = Thread.currentThread();

    private Deadline(Duration timeout) {
        this.expiresAtNanos = System.nanoTime() + saturatedNanos(timeout);
        ACTIVE.put(token.address(), this);
    }

    static Deadline start(Duration timeout) {
        return new Deadline(timeout);
    }

    /** The opaque pointer to hand to FFmpeg together with {@link #CALLBACK}. */
    Pointer token() {
        return token;
    }

    boolean expired() {
        return System.nanoTime() - expiresAtNanos >= 0;
    }

    boolean interrupted() {
        return owner.isInterrupted();
    }

    boolean shouldStop() {
        return interrupted() || expired();
    }

    @Override
    public void close() {
        ACTIVE.remove(token.address());
        token.close();
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }

    private static final class InterruptCallback extends AVIOInterruptCB.Callback_Pointer {

        @Override
        public int call(Pointer opaque) {
            // Must not throw: this runs inside native FFmpeg code.
            Deadline deadline = opaque == null ? null : ACTIVE.get(opaque.address());
            return deadline != null && deadline.shouldStop() ? 1 : 0;
        }
    }
}
