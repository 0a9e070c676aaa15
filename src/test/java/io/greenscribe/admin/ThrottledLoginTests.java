package io.greenscribe.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscribe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Console logins: free tries, then a doubling wait per account and per address, cleared by a success. */
class ThrottledLoginTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger checked = new AtomicInteger();
    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checked.incrementAndGet();
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, java.util.List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };
    private final ThrottledLogin login = new ThrottledLogin(passwords, clock);

    @Test
    void afterFiveWrongPasswordsFurtherTriesWaitLongerAndLongerUnchecked() {
        for (int i = 0; i < ThrottledLogin.FREE_FAILURES + 1; i++) {
            assertThatThrownBy(() -> login.authenticate(token("admin", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        int before = checked.get();
        // even the right password is not checked while the account is blocked
        assertThatThrownBy(() -> login.authenticate(token("admin", "right")))
                .isInstanceOf(LockedException.class)
                .hasMessageContaining("try again");
        assertThat(checked).hasValue(before);

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> login.authenticate(token("admin", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        clock.advance(Duration.ofSeconds(1)); // the wait doubled to 2 s
        assertThatThrownBy(() -> login.authenticate(token("admin", "right"))).isInstanceOf(LockedException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(login.authenticate(token("admin", "right")).isAuthenticated())
                .isTrue();

        // a success clears the count
        assertThatThrownBy(() -> login.authenticate(token("admin", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(login.authenticate(token("admin", "right")).isAuthenticated())
                .isTrue();
    }

    @Test
    void thirtyGuessesTakeOverAnHour() {
        Duration waited = Duration.ZERO;
        int guesses = 0;
        while (guesses < 30) {
            try {
                login.authenticate(token("admin", "guess" + guesses));
            } catch (BadCredentialsException e) {
                guesses++;
            } catch (LockedException e) {
                clock.advance(Duration.ofSeconds(1));
                waited = waited.plusSeconds(1);
            }
        }
        assertThat(waited).isGreaterThan(Duration.ofHours(1));
    }

    private static UsernamePasswordAuthenticationToken token(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
