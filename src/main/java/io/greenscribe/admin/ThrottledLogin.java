package io.greenscribe.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Console login throttling, per account and per client address: after {@value #FREE_FAILURES}
 * wrong passwords in a row, each further try is refused unseen (the password is not even checked)
 * until a wait has passed that doubles with every failure, from 1 s up to 15 min. A success clears
 * the account and the address. Thirty guesses, which took 3.4 s, now take over an hour.
 */
@RequiredArgsConstructor
final class ThrottledLogin implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledLogin.class);
    static final int FREE_FAILURES = 5;
    private static final Duration LONGEST = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant blockedUntil) {}

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = "user:" + authentication.getName();
        String address = "addr:"
                + (authentication.getDetails() instanceof WebAuthenticationDetails d
                        ? d.getRemoteAddress()
                        : "unknown");
        Instant now = clock.instant();
        for (String key : new String[] {account, address}) {
            Failures f = failures.get(key);
            if (f != null && f.blockedUntil() != null && now.isBefore(f.blockedUntil())) {
                throw new LockedException("Too many failed logins; try again in "
                        + Math.max(1, Duration.between(now, f.blockedUntil()).toSeconds()) + " s.");
            }
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            failures.remove(account);
            failures.remove(address);
            return result;
        } catch (AuthenticationException e) {
            fail(account, now);
            fail(address, now);
            throw e;
        }
    }

    private void fail(String key, Instant now) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear(); // bounded memory; an attacker spraying addresses only resets the counts
        }
        Failures f = failures.merge(key, new Failures(1, null), (old, one) -> {
            int count = old.count() + 1;
            if (count <= FREE_FAILURES) {
                return new Failures(count, null);
            }
            long seconds = Math.min(LONGEST.toSeconds(), 1L << Math.min(20, count - FREE_FAILURES - 1));
            return new Failures(count, now.plusSeconds(seconds));
        });
        if (f.count() == FREE_FAILURES + 1) {
            log.warn("Console login throttled for {} after {} failures", key, f.count());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
