package io.greenscribe.pipeline;

/** The stage a run is in, as the pipeline records it when each stage starts. */
public enum RunStage {
    /** Reading the upload and decoding it to 16 kHz mono. */
    DECODING,
    /** Finding the speech and planning the windows. */
    VAD,
    /** Recognizing the planned windows. */
    WINDOWS,
    /** Telling the speakers apart (diarized jobs only). */
    DIARIZATION,
    /** Joining the windows' text into the transcript. */
    ASSEMBLY
}
