package io.greenscribe.carbon;

/** What a carbon-intensity figure measures. Never mix the two in one score. */
public enum SignalType {
    /** Average (consumption) intensity of the whole grid mix. */
    AVERAGE,
    /** Marginal intensity: the emissions of the generator that follows a change in demand. */
    MARGINAL
}
