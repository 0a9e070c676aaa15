package io.greenscribe.audio.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;

/** Human words for FFmpeg error codes and limits, for exception messages and logs. */
final class FfmpegErrors {

    private FfmpegErrors() {}

    static String describe(int errorCode) {
        byte[] buffer = new byte[256];
        if (av_strerror(errorCode, buffer, buffer.length) < 0) {
            return "error " + errorCode;
        }
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    /** "6 h", "2 min 30 s", "45 s". */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        StringJoiner words = new StringJoiner(" ");
        if (seconds >= 3600) {
            words.add(seconds / 3600 + " h");
        }
        if (seconds % 3600 >= 60) {
            words.add(seconds % 3600 / 60 + " min");
        }
        if (seconds % 60 > 0 || seconds == 0) {
            words.add(seconds % 60 + " s");
        }
        return words.toString();
    }
}
