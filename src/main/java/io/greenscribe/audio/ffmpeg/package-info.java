/** {@code AudioDecoder} on FFmpeg's own demuxers, decoders and resampler (bytedeco binding). */
package io.greenscribe.audio.ffmpeg;
