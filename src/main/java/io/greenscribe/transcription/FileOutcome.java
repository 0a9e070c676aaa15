package io.greenscribe.transcription;

import io.greenscribe.system.GreenScribeException;
import java.nio.file.Path;

/**
 * One file of a multi-file run: its result, or why it failed.
 *
 * @param file the input
 * @param result the transcription, null when it failed
 * @param error the failure, null when it succeeded
 */
public record FileOutcome(Path file, TranscriptionResult result, GreenScribeException error) {}
