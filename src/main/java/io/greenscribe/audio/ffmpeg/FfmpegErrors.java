package io.greenscribe.audio.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** Human words for FFmpeg error codes and limits, for exception messages and logs. */
final class FfmpegErrors {

    private FfmpegErrors() {
    }

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

    static String hoursMinutes(long seconds) {
        long minutes = seconds / 60;
        return minutes >= 60 && minutes % 60 == 0 ? (minutes / 60) + " h"
                : minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min"
                : minutes > 0 ? minutes + " min" : seconds + " s";
    }
}
