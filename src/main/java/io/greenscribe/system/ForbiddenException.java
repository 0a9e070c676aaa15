package io.greenscribe.system;

/** The caller is known but its key may not do this (403), e.g. a user key changing tenant settings. */
public class ForbiddenException extends GreenScribeException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
