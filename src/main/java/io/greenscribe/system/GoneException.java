package io.greenscribe.system;

/** What the request names existed but was deleted on purpose, e.g. by its retention (410). */
public class GoneException extends GreenScribeException {

    public GoneException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 410;
    }
}
