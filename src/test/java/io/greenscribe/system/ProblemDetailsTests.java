package io.greenscribe.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemDetailsTests {

    @Test
    void aLostDatabaseConnectionIsA503ToRetryNotAnInternalError() {
        // given a request whose connection was taken from a pool that cannot reach the database
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/jobs");
        DataAccessResourceFailureException e =
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection: Connection refused");

        // when the advice answers it
        ResponseEntity<?> answer = new ProblemDetails().databaseUnreachable(e, request);

        // then it says "try again shortly", with Retry-After
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        ProblemDetail body = (ProblemDetail) answer.getBody(); // problem+json on /api (OpenAI bodies on /v1)
        assertThat(body.getDetail()).contains("database is unreachable");
        assertThat(body.getInstance()).hasToString("/api/v1/jobs");
    }
}
