package io.greenscribe.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>} against {@link ApiKeys}. */
@RequiredArgsConstructor
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final ProblemResponses problems;

    /**
     * Async dispatches (the OpenAI endpoint answers when its job ends) are authenticated again from
     * the same header: nothing of the first dispatch's authentication is kept between the two.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isPresent()) {
            Optional<Caller> caller;
            try {
                caller = keys.authenticate(presented.get());
            } catch (DataAccessResourceFailureException | TransientDataAccessResourceException e) {
                // the database is gone for a moment (restarting, failing over): "try again", not a 500
                problems.write(request, response, 503, "The database is unreachable; try again shortly.");
                return;
            }
            if (caller.isEmpty()) {
                problems.write(request, response, 401, "Unknown or revoked API key.");
                return;
            }
            List<GrantedAuthority> roles = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_USER")));
            if (caller.get().admin()) {
                roles.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            }
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller.get(), null, roles));
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        return Optional.ofNullable(request.getHeader("X-API-Key")).map(String::strip);
    }
}
