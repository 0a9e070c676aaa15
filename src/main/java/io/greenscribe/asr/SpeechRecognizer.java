package io.greenscribe.asr;

import java.util.List;

/**
 * Turns windows of speech (each at most 30 s of 16 kHz mono audio) into timed text. Implementations
 * recognise the windows in batches and are safe to call from several threads.
 */
public interface SpeechRecognizer {

    /**
     * Recognises every window; the result list has one entry per window, in the same order.
     *
     * @param windows audio windows, each at most 30 s long
     * @param options language, prompt, hotwords and decoding safeguards shared by all windows
     */
    List<WindowTranscript> recognize(List<AudioWindow> windows, RecognitionOptions options);

    /** Name of the model behind this recognizer, reported with every transcript. */
    String modelName();
}
