package io.hashdesk.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.HashdeskConfig;

/**
 * The limits on mails sent on request, which anyone able to register could otherwise aim at any
 * address: per recipient ({@code hashdesk.mail.per-recipient-per-hour}) and overall
 * ({@code hashdesk.mail.per-hour}); a registration notice at most once a day per address. Scheduled weekly
 * summaries are not counted (one a week per verified address).
 */
@ApplicationScoped
public class MailQuota {

    public static final String TEST_SUMMARY = "test-summary";
    public static final String VERIFICATION = "verification";
    public static final String REGISTRATION_NOTICE = "registration-notice";

    static final Duration HOUR = Duration.ofHours(1);

    @Inject
    RateLimiter limiter;

    @Inject
    HashdeskConfig config;

    /** Refused: the wait until the next such mail may go, in a sentence for the user. */
    public static class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final Duration wait;

        Exceeded(Duration wait, String message) {
            super(message);
            this.wait = wait;
        }
    }

    /** Counts one mail of the kind to the address, or throws {@link Exceeded} (nothing counted). */
    public void take(String kind, String recipient, Instant now) {
        take(kind, recipient, now, config.mail().perRecipientPerHour(), config.mail().perHour());
    }

    void take(String kind, String recipient, Instant now, int perRecipient, int overall) {
        String address = Operator.normalizeEmail(recipient);
        List<RateLimiter.Limit> limits = new ArrayList<>();
        limits.add(new RateLimiter.Limit("mail-to:" + address, perRecipient, HOUR));
        limits.add(new RateLimiter.Limit("mail-all", overall, HOUR));
        if (REGISTRATION_NOTICE.equals(kind)) {
            limits.add(new RateLimiter.Limit("mail-notice:" + address, 1, Duration.ofDays(1)));
        }
        Optional<Duration> wait = limiter.tryAcquire(limits, now);
        if (wait.isPresent()) {
            throw new Exceeded(wait.get(), "hashdesk has sent as many mails as it may for now; try again in "
                    + RateLimiter.minutes(wait.get()) + ".");
        }
    }
}
