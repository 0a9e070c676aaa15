package io.greenscribe.asr.whisper;

import io.greenscribe.asr.RecognitionOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Whisper's two verdicts on a decode: retry it hotter (repetitive or improbable text), or drop it
 * as silence (the model expected no speech and the text it found anyway is improbable).
 */
final class WindowJudge {

    boolean needsFallback(DecodedSequence decoded, String text, RecognitionOptions options) {
        boolean failedLogProb = decoded.avgLogProb() < options.logProbThreshold();
        if (failedLogProb && decoded.noSpeechProb() > options.noSpeechThreshold()) {
            return false; // silence: a hotter decode would only invent words
        }
        return failedLogProb || compressionRatio(text) > options.compressionRatioThreshold();
    }

    boolean isNoSpeech(DecodedSequence decoded, RecognitionOptions options) {
        if (decoded.tokens().isEmpty()) {
            return true;
        }
        return decoded.noSpeechProb() > options.noSpeechThreshold()
                && decoded.avgLogProb() <= options.logProbThreshold();
    }

    /** Text length over its zlib-compressed length; repetition loops score above ~2.4. */
    static double compressionRatio(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return 0;
        }
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return bytes.length / (double) out.size();
    }
}
