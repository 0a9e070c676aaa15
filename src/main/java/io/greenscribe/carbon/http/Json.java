package io.greenscribe.carbon.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscribe.carbon.CarbonFeedException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import lombok.RequiredArgsConstructor;

/** Strict field access: a missing or mistyped field is a {@code MALFORMED} feed answer, not an NPE. */
@RequiredArgsConstructor
public final class Json {

    // ISO-8601 with optional seconds and fraction: the UK API writes "2023-03-15T00:30Z".
    private static final DateTimeFormatter FLEXIBLE_ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalEnd()
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private final FeedHttp http;

    public JsonNode array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw http.malformed("field '" + field + "' is missing or not an array");
        }
        return v;
    }

    public JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw http.malformed("field '" + field + "' is missing or not an object");
        }
        return v;
    }

    public double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw http.malformed("field '" + field + "' is missing or not a number");
        }
        return v.asDouble();
    }

    public String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw http.malformed("field '" + field + "' is missing or not text");
        }
        return v.asText();
    }

    public Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        try {
            return parseInstant(s);
        } catch (DateTimeParseException e) {
            throw http.malformed("field '" + field + "' is not an ISO-8601 time: " + s);
        }
    }

    public CarbonFeedException malformed(String message) {
        return http.malformed(message);
    }

    public static Instant parseInstant(String s) {
        return OffsetDateTime.parse(s, FLEXIBLE_ISO).toInstant();
    }
}
