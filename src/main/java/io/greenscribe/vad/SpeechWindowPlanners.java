package io.greenscribe.vad;

import io.greenscribe.system.GreenScribeException;
import io.greenscribe.vad.energy.EnergyVoiceActivityDetector;
import io.greenscribe.vad.silero.SileroVoiceActivityDetector;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place a VAD setting ({@code silero | energy | none}) becomes a window planner, used by
 * the command line ({@code --vad}) and the server ({@code greenscribe.pipeline.vad}) alike:
 * {@code none} reads the whole audio in both, cut at its quietest moments near the window length.
 */
public final class SpeechWindowPlanners {

    public static final String DEFAULT = "silero";

    private SpeechWindowPlanners() {}

    /**
     * @param vad {@code silero}, {@code energy} or {@code none}
     * @param modelsDirectory where {@code silero-vad/silero_vad.jit} lives
     * @param options segmentation and window settings
     */
    public static SpeechWindowPlanner open(String vad, Path modelsDirectory, VadOptions options) {
        String name = vad == null ? DEFAULT : vad.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "silero" ->
                new VadWindowPlanner(
                        new SileroVoiceActivityDetector(
                                modelsDirectory.resolve("silero-vad").resolve("silero_vad.jit"), options),
                        new WindowPlanner(options));
            case "energy" -> new VadWindowPlanner(new EnergyVoiceActivityDetector(options), new WindowPlanner(options));
            case "none" -> new QuietCutPlanner(options.maxWindowSeconds());
            default -> throw new GreenScribeException("unknown VAD '" + vad + "'; use silero, energy or none");
        };
    }
}
