package io.greenscribe.asr.whisper;

import java.util.List;

/** Lets tests in other packages join audio as the recognizer tests do. */
public final class DecodeToWindowEndTestsAccess {

    private DecodeToWindowEndTestsAccess() {}

    public static float[] join(List<float[]> parts) {
        return DecodeToWindowEndTests.join(parts.toArray(float[][]::new));
    }
}
