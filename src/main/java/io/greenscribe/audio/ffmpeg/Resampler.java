package io.greenscribe.audio.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_compare;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_double;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import io.greenscribe.audio.PcmAudio;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * swresample from whatever the decoder produces to 16 kHz mono float. It is configured from the
 * frames themselves, and rebuilt when they change, because some streams (chained Ogg, mp3 with
 * mixed headers, mkv) switch rate or channel layout part-way through.
 */
final class Resampler implements AutoCloseable {

    private final AVChannelLayout mono = zeroed(new AVChannelLayout());
    private final AVChannelLayout inLayout = zeroed(new AVChannelLayout());
    private final PointerPointer<FloatPointer> outPlanes = new PointerPointer<>(1);
    private SwrContext swr;
    private int inFormat = -1;
    private int inRate = -1;
    private FloatPointer out;
    private int outCapacity;

    Resampler() {
        av_channel_layout_default(mono, 1);
    }

    /**
     * Converts one decoded frame and appends the result to {@code sink}.
     *
     * @return a negative FFmpeg error code if swresample refused the frame, else 0
     */
    int convert(AVFrame frame, PcmBuffer sink) {
        if (swr == null || !sameInput(frame)) {
            if (swr != null && !swr.isNull()) {
                drain(sink);
            }
            int err = configure(frame);
            if (err < 0) {
                freeSwr(); // so the next frame tries again instead of using a half-built context
                return err;
            }
        }
        int capacity = swr_get_out_samples(swr, frame.nb_samples());
        ensureCapacity(capacity);
        int n = swr_convert(swr, outPlanes, capacity, frame.extended_data(), frame.nb_samples());
        if (n < 0) {
            return n;
        }
        sink.append(out, n);
        return 0;
    }

    /** Emits the samples still held in the resampler's filter delay. */
    void drain(PcmBuffer sink) {
        if (swr == null || swr.isNull()) {
            return;
        }
        ensureCapacity(4096);
        int n;
        while ((n = swr_convert(swr, outPlanes, outCapacity, (PointerPointer<?>) null, 0)) > 0) {
            sink.append(out, n);
        }
    }

    private boolean sameInput(AVFrame frame) {
        return frame.format() == inFormat
                && frame.sample_rate() == inRate
                && av_channel_layout_compare(layoutOf(frame), inLayout) == 0;
    }

    private int configure(AVFrame frame) {
        freeSwr();
        swr = new SwrContext(null);
        int err = av_channel_layout_copy(inLayout, layoutOf(frame));
        if (err < 0) {
            return err;
        }
        inFormat = frame.format();
        inRate = frame.sample_rate();
        err = swr_alloc_set_opts2(
                swr, mono, AV_SAMPLE_FMT_FLT, PcmAudio.SAMPLE_RATE, inLayout, inFormat, inRate, 0, null);
        if (err < 0) {
            return err;
        }
        // Without a ceiling swresample sums channels at -3 dB each, so loud stereo exceeds 1.0;
        // a ceiling of 1 makes the down-mix the plain channel average that Silero and Whisper see.
        av_opt_set_double(swr, "rematrix_maxval", 1.0, 0);
        return swr_init(swr);
    }

    /** WAV and raw formats may leave the layout unspecified; swresample needs to know the speakers. */
    private AVChannelLayout layoutOf(AVFrame frame) {
        AVChannelLayout layout = frame.ch_layout();
        if (layout.order() == AV_CHANNEL_ORDER_UNSPEC) {
            av_channel_layout_default(layout, layout.nb_channels());
        }
        return layout;
    }

    private void ensureCapacity(int samples) {
        if (out == null || outCapacity < samples) {
            if (out != null) {
                out.close();
            }
            outCapacity = Math.max(samples, 4096);
            out = new FloatPointer(outCapacity);
            outPlanes.put(0, out);
        }
    }

    private void freeSwr() {
        // swr_free dereferences its argument, so it must never see a null context.
        if (swr != null && !swr.isNull()) {
            swr_free(swr);
        }
        swr = null;
    }

    @Override
    public void close() {
        freeSwr();
        av_channel_layout_uninit(inLayout);
        av_channel_layout_uninit(mono);
        inLayout.close();
        mono.close();
        outPlanes.close();
        if (out != null) {
            out.close();
        }
    }

    private static <P extends Pointer> P zeroed(P struct) {
        Pointer.memset(struct, 0, struct.sizeof());
        return struct;
    }
}
