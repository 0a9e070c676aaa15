package io.greenscribe.job;

import io.greenscribe.system.GreenScribeException;

class UploadTooLargeException extends GreenScribeException {

    UploadTooLargeException(long limitMegabytes) {
        super("The upload is larger than this server accepts (" + limitMegabytes + " MB).");
    }

    @Override
    public int httpStatus() {
        return 413;
    }
}
