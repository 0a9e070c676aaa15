package io.greenscribe.asr.whisper;

import io.greenscribe.system.GreenScribeException;

/** The requested language is not one the model knows. */
public class UnsupportedLanguageException extends GreenScribeException {

    public UnsupportedLanguageException(String language, String model) {
        super("model '" + model + "' does not support language '" + language + "'"
                + (model.endsWith(".en") ? " (it is English-only; choose a multilingual model)" : ""));
    }
}
