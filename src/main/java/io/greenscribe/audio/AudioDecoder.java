package io.greenscribe.audio;

import java.nio.file.Path;

/**
 * Turns an uploaded media file of any common container and codec into the 16 kHz mono PCM that
 * voice activity detection and speech recognition read.
 *
 * <p>Implementations must be safe to call from several threads at once, must bound the time and
 * memory one file may take, and must report every failure as an {@link AudioDecodingException}
 * whose kind says what was wrong with the file.
 */
public interface AudioDecoder {

    /**
     * Decodes the first (best) audio track of a file, mixing all its channels down to mono and
     * resampling to {@link PcmAudio#SAMPLE_RATE}.
     *
     * @param file a local file: audio (wav, flac, mp3, ogg/opus, m4a/aac, …) or a video whose
     *     audio track is wanted (mp4, webm, mkv, …)
     * @return the decoded audio, never empty
     * @throws AudioDecodingException when the file is empty, unreadable, not audio, damaged, too
     *     long, or takes longer than the configured deadline
     */
    PcmAudio decode(Path file);
}
