package io.greenscribe.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Writes 16-bit mono PCM WAV files for tests that need audio with known content. */
public final class WavFiles {

    private WavFiles() {}

    public static Path write(Path file, float[] samples, int sampleRate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(sampleRate)
                .putInt(sampleRate * 2)
                .putShort((short) 2)
                .putShort((short) 16);
        b.put("data".getBytes()).putInt(samples.length * 2);
        for (float s : samples) {
            b.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
        }
        return Files.write(file, b.array());
    }

    /**
     * A two-speaker recording for diarization tests: {@code first}, 0.5 s of silence, then
     * {@code rest}, all WAV files of one format (16-bit mono), written to {@code out} as WAV.
     *
     * @return where the second voice starts, in seconds
     */
    public static double joined(Path out, Path first, Path... rest) throws IOException, UnsupportedAudioFileException {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        AudioFormat format;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(first.toFile())) {
            format = in.getFormat();
            pcm.write(in.readAllBytes());
        }
        pcm.write(new byte[(int) format.getSampleRate()]); // 0.5 s of 16-bit silence
        double change = pcm.size() / 2.0 / format.getSampleRate();
        for (Path p : rest) {
            try (AudioInputStream in = AudioSystem.getAudioInputStream(p.toFile())) {
                pcm.write(in.readAllBytes());
            }
        }
        byte[] bytes = pcm.toByteArray();
        try (AudioInputStream all = new AudioInputStream(new ByteArrayInputStream(bytes), format, bytes.length / 2);
                var file = Files.newOutputStream(out)) {
            AudioSystem.write(all, AudioFileFormat.Type.WAVE, file);
        }
        return change;
    }
}
