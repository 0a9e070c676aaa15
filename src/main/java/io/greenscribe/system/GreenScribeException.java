package io.greenscribe.system;

/**
 * Root of every error GreenScribe raises on purpose. Its message is written for the user who
 * submitted the work (it ends up on the job row and in RFC 9457 problem details), so it names the
 * thing that failed and what to do about it.
 */
public class GreenScribeException extends RuntimeException {

    public GreenScribeException(String message) {
        super(message);
    }

    public GreenScribeException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The HTTP status this error answers with when it reaches a client. Errors raised on purpose
     * are mostly about what the client sent, so the default is 400; subclasses narrow it (404 for
     * a missing or foreign id, 409 for a conflicting state, 413 for an over-limit upload).
     */
    public int httpStatus() {
        return 400;
    }
}
