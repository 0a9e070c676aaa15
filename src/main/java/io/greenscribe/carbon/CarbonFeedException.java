package io.greenscribe.carbon;

import io.greenscribe.system.GreenScribeException;

/** A carbon-intensity feed could not deliver a usable forecast. The planner never lets it block a job. */
public class CarbonFeedException extends GreenScribeException {

    /** What went wrong, so callers can tell an outage from a bad answer. */
    public enum Kind {
        /** Could not connect, or the connection broke. */
        UNAVAILABLE,
        /** No answer within the configured timeout. */
        TIMEOUT,
        /** HTTP 429 beyond the retries or wait the configuration allows. */
        RATE_LIMITED,
        /** HTTP 401/403: credentials missing, wrong or expired. */
        UNAUTHORIZED,
        /** Any other non-2xx status. */
        HTTP_ERROR,
        /** A 2xx answer whose body is not the documented format. */
        MALFORMED,
        /** The feed is not configured for this zone or range (e.g. a trace that does not cover it). */
        NO_DATA
    }

    private final Kind kind;
    private final String source;

    public CarbonFeedException(Kind kind, String source, String message) {
        this(kind, source, message, null);
    }

    public CarbonFeedException(Kind kind, String source, String message, Throwable cause) {
        super("Carbon-intensity feed '" + source + "' failed (" + kind + "): " + message, cause);
        this.kind = kind;
        this.source = source;
    }

    public Kind kind() {
        return kind;
    }

    public String source() {
        return source;
    }
}
