/** One file in, one timed transcript out: decoding, VAD windows, recognition and text, composed. */
package io.greenscribe.transcription;
