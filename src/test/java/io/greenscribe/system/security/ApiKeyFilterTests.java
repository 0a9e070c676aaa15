package io.greenscribe.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ApiKeyFilterTests {

    @Test
    void answers503WithRetryAfterWhenTheKeyCannotBeLookedUpBecauseTheDatabaseIsGone() throws Exception {
        // given a key lookup that fails as it does while the embedded postmaster is restarting
        ApiKeys unreachable = new ApiKeys(null, Clock.systemUTC()) {
            @Override
            public Optional<Caller> authenticate(String apiKey) {
                throw new DataAccessResourceFailureException(
                        "FATAL: terminating connection due to unexpected postmaster exit");
            }
        };
        ApiKeyFilter filter = new ApiKeyFilter(
                unreachable, new ProblemResponses(JsonMapper.builder().build()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/jobs");
        request.addHeader("Authorization", "Bearer gs_some_key");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        // when the request is filtered
        filter.doFilter(request, response, chain);

        // then the client is told to come back, as a problem, and the request goes no further
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("database is unreachable");
        assertThat(chain.getRequest()).isNull();
    }
}
