package io.greenscribe.vad;

import io.greenscribe.audio.PcmAudio;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * Speech probability of each fixed-size frame of a file, and the one way GreenScribe turns them
 * into segments, shared by every {@link VoiceActivityDetector} so that they differ only in how
 * they score frames.
 *
 * <p>The rules are those of Silero VAD's {@code get_speech_timestamps}: speech starts at a frame at
 * or above the threshold and ends once frames stay below the lower exit threshold for the minimum
 * silence; segments shorter than the minimum speech are dropped; a segment that grows past the
 * longest a window can hold is cut in its longest pause (of at least 98 ms), or, failing one,
 * where it reaches that length.
 *
 * @param values probability per frame, 0 to 1; frame {@code i} starts at sample {@code i * frameSamples}
 * @param frameSamples samples per frame
 * @param totalSamples length of the audio, which the last frame may overhang
 */
public record FrameProbabilities(float[] values, int frameSamples, int totalSamples) {

    /** Shortest pause worth cutting an over-long segment in, rather than cutting through a word. */
    static final int MIN_CUT_SILENCE_SAMPLES = 98 * PcmAudio.SAMPLE_RATE / 1000;

    public FrameProbabilities {
        if (frameSamples <= 0 || totalSamples < 0) {
            throw new IllegalArgumentException("frameSamples must be positive, totalSamples not negative");
        }
    }

    public List<SpeechSegment> segments(VadOptions options) {
        return new Segmenter(options).run();
    }

    /** One pass over the frames; its fields are the state of that pass. */
    @RequiredArgsConstructor
    private final class Segmenter {

        private final VadOptions options;
        private final List<SpeechSegment> segments = new ArrayList<>();
        private boolean inSpeech;
        private int start;
        private int silenceStart = -1;
        private int cutStart = -1;
        private int cutEnd = -1;

        List<SpeechSegment> run() {
            for (int i = 0; i < values.length; i++) {
                int position = i * frameSamples;
                if (position >= totalSamples) {
                    break;
                }
                step(values[i], position, Math.min(position + frameSamples, totalSamples));
            }
            if (inSpeech) {
                emit(start, silenceStart >= 0 ? silenceStart : totalSamples);
            }
            return List.copyOf(segments);
        }

        private void step(float probability, int position, int frameEnd) {
            if (!inSpeech) {
                if (probability >= options.threshold()) {
                    inSpeech = true;
                    start = position;
                    silenceStart = -1;
                    cutStart = -1;
                }
                return;
            }
            if (probability >= options.threshold()) {
                if (silenceStart >= 0) {
                    rememberPause(silenceStart, position);
                    silenceStart = -1;
                }
            } else if (probability < options.negativeThreshold()) {
                if (silenceStart < 0) {
                    silenceStart = position;
                }
                if (frameEnd - silenceStart >= options.minSilenceSamples()) {
                    emit(start, silenceStart);
                    inSpeech = false;
                    silenceStart = -1;
                    return;
                }
            }
            if (frameEnd - start > options.maxSpeechSamples()) {
                cutOverlongSegment(position, frameEnd);
            }
        }

        private void rememberPause(int from, int to) {
            if (to - from >= MIN_CUT_SILENCE_SAMPLES && to - from > cutEnd - cutStart) {
                cutStart = from;
                cutEnd = to;
            }
        }

        private void cutOverlongSegment(int position, int frameEnd) {
            if (silenceStart >= 0) {
                rememberPause(silenceStart, frameEnd);
            }
            if (cutStart < 0) {
                // no pause long enough: cut in the short one going on now, if any, else mid-speech
                int cut = silenceStart >= 0 ? silenceStart : position;
                emit(start, cut);
                start = cut;
                silenceStart = -1;
            } else if (silenceStart >= 0 && cutStart == silenceStart) {
                emit(start, silenceStart); // the pause going on now is the best cut: speech ends here
                inSpeech = false;
                silenceStart = -1;
            } else {
                emit(start, cutStart);
                start = cutEnd;
            }
            cutStart = -1;
            cutEnd = -1;
        }

        private void emit(int from, int to) {
            int end = Math.min(to, totalSamples);
            if (end - from >= Math.max(1, options.minSpeechSamples())) {
                segments.add(new SpeechSegment(from, end));
            }
        }
    }
}
