package io.greenscribe.system.security;

import io.greenscribe.system.OpenAiErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Problem details (OpenAI error bodies on /v1/) written by the security filters, which answer before any controller advice runs. */
@RequiredArgsConstructor
class ProblemResponses {

    private final JsonMapper json;

    void write(HttpServletRequest request, HttpServletResponse response, int status, String detail) throws IOException {
        if (OpenAiErrors.applies(request.getRequestURI())) {
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            if (status == 401) {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            json.writeValue(response.getOutputStream(), OpenAiErrors.body(status, detail, null, null));
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        if (status == 503) {
            response.setHeader("Retry-After", "5");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
