package io.greenscribe.pipeline;

import io.greenscribe.asr.Segment;
import java.util.List;

/** A window's committed result, as stored in {@code job_window}. */
record RecognizedWindow(int index, String language, boolean noSpeech, List<Segment> segments) {}
