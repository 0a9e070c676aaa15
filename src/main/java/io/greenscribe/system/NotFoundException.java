package io.greenscribe.system;

/**
 * Something a client named does not exist, or belongs to another tenant: both answer 404 so that
 * ids cannot be probed across tenants.
 */
public class NotFoundException extends GreenScribeException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
