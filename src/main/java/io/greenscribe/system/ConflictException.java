package io.greenscribe.system;

/** The request is valid but clashes with the current state of what it names (409). */
public class ConflictException extends GreenScribeException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
