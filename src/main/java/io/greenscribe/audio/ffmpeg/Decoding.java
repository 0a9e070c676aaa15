package io.greenscribe.audio.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_DECODER_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.greenscribe.audio.AudioDecodingException;
import io.greenscribe.audio.AudioDecodingException.Kind;
import io.greenscribe.audio.AudioProperties;
import io.greenscribe.audio.PcmAudio;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One file's trip through demuxer, decoder and resampler; owns, and frees, every native object. */
final class Decoding implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Decoding.class);

    /** AVERROR(EAGAIN) on Linux, the only platform whose natives the build ships. */
    private static final int AVERROR_EAGAIN = -11;

    /**
     * Only local files: keeps playlist and concat formats inside an upload from reaching the
     * network or other protocols.
     */
    private static final String PROTOCOLS = "file";

    private final Path file;
    private final String name;
    private final Deadline deadline;
    private final AudioProperties limits;
    private final long maxSamples;
    private final PcmBuffer samples = new PcmBuffer();
    private final Resampler resampler = new Resampler();
    private AVFormatContext format;
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame frame;
    private int audioStream;
    private int damagedPackets;

    Decoding(Path file, String name, Deadline deadline, AudioProperties properties) {
        this.file = file;
        this.name = name;
        this.deadline = deadline;
        this.limits = properties;
        this.maxSamples = properties.maxSamples();
    }

    PcmAudio run() {
        open();
        openDecoder();
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        int readResult;
        while ((readResult = av_read_frame(format, packet)) >= 0) {
            try {
                if (packet.stream_index() == audioStream) {
                    decode(packet);
                }
            } finally {
                av_packet_unref(packet);
            }
            stopIfPastDeadline();
        }
        if (readResult == AVERROR_EXIT) {
            throw stopped();
        }
        if (readResult != AVERROR_EOF) {
            damagedPackets++; // a read error mid-file ends the audio early, as the ffmpeg CLI does
        }
        decode(null);
        resampler.drain(samples);
        return finish(readResult);
    }

    private void open() {
        format = avformat_alloc_context();
        format.interrupt_callback().callback(Deadline.CALLBACK).opaque(deadline.token());
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "protocol_whitelist", PROTOCOLS, 0);
        int err;
        try (BytePointer url = new BytePointer("file:" + file.toAbsolutePath(), StandardCharsets.UTF_8)) {
            err = avformat_open_input(format, url, null, options);
        } finally {
            av_dict_free(options);
        }
        if (err < 0) {
            format = null; // avformat_open_input frees a caller-allocated context when it fails
            throw openFailure(err);
        }
        err = avformat_find_stream_info(format, (AVDictionary) null);
        if (err < 0) {
            throw err == AVERROR_EXIT
                    ? stopped()
                    : fail(Kind.CORRUPT, "its streams cannot be read (" + FfmpegErrors.describe(err) + ")");
        }
        // Declared durations are estimates (VBR mp3), so this early refusal keeps a margin; the
        // sample count while decoding is what enforces the limit.
        long declared = format.duration();
        if (declared != AV_NOPTS_VALUE && declared / AV_TIME_BASE * PcmAudio.SAMPLE_RATE > maxSamples * 1.1) {
            throw tooLong();
        }
    }

    private AudioDecodingException openFailure(int err) {
        if (err == AVERROR_EXIT) {
            return stopped();
        }
        if (err == -2 || err == -13 || err == -21) { // ENOENT, EACCES, EISDIR: gone since the pre-check
            return fail(Kind.UNREADABLE, "the file cannot be read (" + FfmpegErrors.describe(err) + ")");
        }
        return FormatSniffer.recognisedFormat(file)
                .map(format -> fail(
                        Kind.CORRUPT,
                        "it looks like " + format + " but is damaged or incomplete (" + FfmpegErrors.describe(err)
                                + ")"))
                .orElseGet(() -> fail(Kind.NOT_AUDIO, "it is not in an audio or video format we can read"));
    }

    private void openDecoder() {
        audioStream = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
        if (audioStream == AVERROR_DECODER_NOT_FOUND) {
            throw fail(Kind.UNSUPPORTED, "its audio codec is not supported");
        }
        if (audioStream < 0) {
            throw fail(Kind.NOT_AUDIO, "it contains no audio track");
        }
        for (int i = 0; i < format.nb_streams(); i++) {
            if (i != audioStream) {
                format.streams(i).discard(AVDISCARD_ALL); // skip video packets instead of reading them
            }
        }
        AVStream stream = format.streams(audioStream);
        int codecId = stream.codecpar().codec_id();
        AVCodec decoder = avcodec_find_decoder(codecId);
        if (decoder == null || decoder.isNull()) {
            throw fail(
                    Kind.UNSUPPORTED,
                    "its audio codec '" + avcodec_get_name(codecId).getString() + "' is not supported");
        }
        codec = avcodec_alloc_context3(decoder);
        int err = avcodec_parameters_to_context(codec, stream.codecpar());
        if (err >= 0) {
            codec.pkt_timebase(stream.time_base());
            err = avcodec_open2(codec, decoder, (AVDictionary) null);
        }
        if (err < 0) {
            throw fail(Kind.CORRUPT, "its audio decoder cannot start (" + FfmpegErrors.describe(err) + ")");
        }
    }

    /** Sends one packet (or, with {@code null}, the end of stream) and drains the decoded frames. */
    private void decode(AVPacket input) {
        int err = avcodec_send_packet(codec, input);
        if (err < 0 && err != AVERROR_EOF) {
            damagedPackets++; // like the ffmpeg CLI, skip a damaged packet and keep going
            return;
        }
        while ((err = avcodec_receive_frame(codec, frame)) >= 0) {
            try {
                if (resampler.convert(frame, samples) < 0) {
                    damagedPackets++;
                }
            } finally {
                av_frame_unref(frame);
            }
            if (samples.size() > maxSamples) {
                throw tooLong();
            }
        }
        if (err != AVERROR_EAGAIN && err != AVERROR_EOF) {
            damagedPackets++;
        }
    }

    private PcmAudio finish(int readResult) {
        if (samples.size() == 0) {
            boolean promisedSound = format.duration() != AV_NOPTS_VALUE && format.duration() > 0;
            throw damagedPackets > 0 || promisedSound
                    ? fail(Kind.CORRUPT, "no audio could be decoded; the file is damaged or truncated")
                    : fail(Kind.EMPTY, "its audio track contains no sound");
        }
        if (damagedPackets > 0) {
            log.warn(
                    "Decoded {} with {} damaged or unreadable packets skipped (last read result: {})",
                    name,
                    damagedPackets,
                    FfmpegErrors.describe(readResult));
        }
        long declared = format.duration();
        return new PcmAudio(
                samples.toArray(),
                declared == AV_NOPTS_VALUE || declared <= 0 ? Double.NaN : declared / (double) AV_TIME_BASE);
    }

    private void stopIfPastDeadline() {
        if (deadline.shouldStop()) {
            throw stopped();
        }
    }

    private AudioDecodingException stopped() {
        return deadline.interrupted()
                ? fail(Kind.INTERRUPTED, "decoding was interrupted")
                : fail(
                        Kind.TIMEOUT,
                        "decoding took longer than the " + FfmpegErrors.duration(limits.decodeTimeout())
                                + " allowed for one file");
    }

    private AudioDecodingException tooLong() {
        return fail(Kind.TOO_LONG, "it is longer than the maximum of " + FfmpegErrors.duration(limits.maxDuration()));
    }

    private AudioDecodingException fail(Kind kind, String reason) {
        return new AudioDecodingException(kind, "Cannot decode audio file '" + name + "': " + reason + ".");
    }

    @Override
    public void close() {
        resampler.close();
        if (frame != null) {
            av_frame_free(frame);
        }
        if (packet != null) {
            av_packet_free(packet);
        }
        if (codec != null) {
            avcodec_free_context(codec);
        }
        if (format != null) {
            avformat_close_input(format);
        }
    }
}
