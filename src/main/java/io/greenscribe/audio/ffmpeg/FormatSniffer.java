package io.greenscribe.audio.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_SCORE_RETRY;
import static org.bytedeco.ffmpeg.global.avformat.av_probe_input_format3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVProbeData;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Asks FFmpeg's probes what a file's first bytes look like. FFmpeg fails to open a truncated
 * upload and a text file with the same error code; a user deserves to hear "damaged" for the
 * first and "not audio" for the second.
 */
final class FormatSniffer {

    private static final int PROBE_BYTES = 1 << 16;

    private FormatSniffer() {}

    /**
     * @return the long name of the format the content alone points to with confidence (the file
     *     name is withheld, so an extension cannot vouch for it), or empty
     */
    static Optional<String> recognisedFormat(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PROBE_BYTES);
        } catch (IOException e) {
            return Optional.empty();
        }
        try (BytePointer buffer = new BytePointer(head.length + AVPROBE_PADDING_SIZE);
                BytePointer noName = new BytePointer("");
                AVProbeData probe = new AVProbeData();
                IntPointer score = new IntPointer(1)) {
            Pointer.memset(buffer, 0, buffer.capacity()); // the probes may read into the padding
            buffer.put(head);
            Pointer.memset(probe, 0, probe.sizeof());
            probe.filename(noName).buf(buffer).buf_size(head.length);
            AVInputFormat format = av_probe_input_format3(probe, 1, score);
            if (format == null || format.isNull() || score.get() <= AVPROBE_SCORE_RETRY) {
                return Optional.empty();
            }
            return Optional.of(
                    format.long_name() == null
                            ? format.name().getString()
                            : format.long_name().getString());
        }
    }
}
