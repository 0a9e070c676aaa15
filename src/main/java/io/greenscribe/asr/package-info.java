/** Speech recognition: the SpeechRecognizer SPI, Whisper on DJL, model lifecycle. */
package io.greenscribe.asr;
