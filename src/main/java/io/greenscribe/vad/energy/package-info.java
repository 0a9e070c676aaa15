/** A model-free {@code VoiceActivityDetector}: frame energy against an adaptive noise floor. */
package io.greenscribe.vad.energy;
