package io.greenscribe.asr;

import io.greenscribe.system.GreenScribeException;

/** A model is missing or unreadable; the message says which command fetches it. */
public class ModelNotFoundException extends GreenScribeException {

    public ModelNotFoundException(String message) {
        super(message);
    }

    public ModelNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
