package io.greenscribe.audio.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import io.greenscribe.audio.AudioDecoder;
import io.greenscribe.audio.AudioDecodingException;
import io.greenscribe.audio.AudioDecodingException.Kind;
import io.greenscribe.audio.AudioProperties;
import io.greenscribe.audio.PcmAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@link AudioDecoder} on FFmpeg's libraries, in process: every container and codec FFmpeg reads,
 * resampled by swresample to 16 kHz mono float. Thread-safe; each call uses its own contexts.
 */
public final class FfmpegAudioDecoder implements AudioDecoder {

    static {
        // FFmpeg logs every oddity of every upload to stderr at its default level; the decoder
        // reports what matters through its exceptions instead.
        av_log_set_level(AV_LOG_ERROR);
    }

    private final AudioProperties properties;

    public FfmpegAudioDecoder(AudioProperties properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    public FfmpegAudioDecoder() {
        this(AudioProperties.defaults());
    }

    @Override
    public PcmAudio decode(Path file) {
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        checkReadable(file, name);
        try (Deadline deadline = Deadline.start(properties.decodeTimeout());
                Decoding decoding = new Decoding(file, name, deadline, properties)) {
            return decoding.run();
        }
    }

    /** Answers the common mistakes before FFmpeg sees the file, with plainer messages than it gives. */
    private static void checkReadable(Path file, String name) {
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            throw new AudioDecodingException(
                    Kind.UNREADABLE, "Cannot decode audio file '" + name + "': the file cannot be read.", e);
        }
        if (size < 0 || !Files.isReadable(file)) {
            throw new AudioDecodingException(
                    Kind.UNREADABLE, "Cannot decode audio file '" + name + "': no such readable file.");
        }
        if (size == 0) {
            throw new AudioDecodingException(
                    Kind.EMPTY, "Cannot decode audio file '" + name + "': the file is empty (0 bytes).");
        }
    }
}
