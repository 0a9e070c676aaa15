/** {@code VoiceActivityDetector} running Silero VAD (MIT, TorchScript) on DJL's PyTorch engine. */
package io.greenscribe.vad.silero;
