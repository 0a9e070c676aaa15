package io.greenscribe.audio.ffmpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 16-bit PCM WAV files by hand, so fixtures need no encoder at all. */
final class Wav {

    private Wav() {}

    /** A sine per channel; a zero amplitude gives a silent channel. */
    static Path sine(Path file, int sampleRate, double seconds, double frequency, double... amplitudes)
            throws IOException {
        int frames = (int) Math.round(seconds * sampleRate);
        int channels = amplitudes.length;
        int dataBytes = frames * channels * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        wav.put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * channels * 2)
                .putShort((short) (channels * 2))
                .putShort((short) 16);
        wav.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            double value = Math.sin(2 * Math.PI * frequency * i / sampleRate);
            for (double amplitude : amplitudes) {
                wav.putShort((short) Math.round(amplitude * value * Short.MAX_VALUE));
            }
        }
        return Files.write(file, wav.array());
    }
}
