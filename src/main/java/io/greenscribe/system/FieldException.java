package io.greenscribe.system;

/**
 * A request error about one named field, so that an API whose error bodies name the field (OpenAI's
 * {@code param}) can say which.
 */
public class FieldException extends GreenScribeException {

    private final String field;
    private final String code;

    public FieldException(String field, String message) {
        this(field, null, message);
    }

    /** @param code a machine-readable code (OpenAI's {@code code}), or {@code null} */
    public FieldException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
