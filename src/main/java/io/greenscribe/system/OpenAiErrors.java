package io.greenscribe.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error body of the OpenAI-compatible paths ({@code /v1/...}):
 * {@code {"error": {"message", "type", "param", "code"}}}, the shape OpenAI's clients parse (a
 * problem document there left the Python client with only "Error code: 400"). Every other path
 * keeps RFC 9457 problem details.
 */
public final class OpenAiErrors {

    private OpenAiErrors() {}

    /** Whether a request to this path is answered with OpenAI's error shape. */
    public static boolean applies(String requestUri) {
        return requestUri != null && requestUri.startsWith("/v1/");
    }

    public static Map<String, Object> body(int status, String message, String param, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type(status));
        error.put("param", param);
        error.put("code", code != null ? code : status == 401 ? "invalid_api_key" : null);
        return Map.of("error", error);
    }

    /** OpenAI's error types: the client's mistake, or the server's. */
    private static String type(int status) {
        if (status >= 500) {
            return "server_error";
        }
        return switch (status) {
            case 401, 403 -> "invalid_request_error";
            case 429 -> "rate_limit_error";
            default -> "invalid_request_error";
        };
    }
}
