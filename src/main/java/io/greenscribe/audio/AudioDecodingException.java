package io.greenscribe.audio;

import io.greenscribe.system.GreenScribeException;

/**
 * A file could not be turned into audio. The message names the file and the reason in words a
 * user can act on; {@link #kind()} lets callers decide, e.g., whether a retry could help.
 */
public class AudioDecodingException extends GreenScribeException {

    /** Why decoding failed. */
    public enum Kind {
        /** The file has no bytes. */
        EMPTY,
        /** The file is missing or cannot be read. */
        UNREADABLE,
        /** Not a media format we read, or a media file without an audio track. */
        NOT_AUDIO,
        /** The audio track uses a codec this build cannot decode. */
        UNSUPPORTED,
        /** Recognised as media but damaged or truncated: no audio could be decoded. */
        CORRUPT,
        /** Longer than the configured maximum duration. */
        TOO_LONG,
        /** Decoding ran past the configured deadline. */
        TIMEOUT,
        /** The decoding thread was interrupted, e.g. because the job was cancelled. */
        INTERRUPTED
    }

    private final Kind kind;

    public AudioDecodingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AudioDecodingException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
