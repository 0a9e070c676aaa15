package io.greenscribe.pipeline;

/** A stretch of audio to recognize as one window, in samples at 16 kHz. */
record WindowSpan(int index, long startSample, long endSample) {

    double seconds() {
        return (endSample - startSample) / 16_000.0;
    }
}
