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
}
