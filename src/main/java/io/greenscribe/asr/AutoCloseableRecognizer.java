package io.greenscribe.asr;

/** A recognizer that holds device memory until closed. */
public interface AutoCloseableRecognizer extends SpeechRecognizer, AutoCloseable {

    /** Batch size currently in use (it drops after out-of-memory). */
    int batchSize();

    @Override
    void close();
}
