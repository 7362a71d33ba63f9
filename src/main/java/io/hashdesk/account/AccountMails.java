package io.hashdesk.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.hashdesk.HashdeskConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The mails about an account itself: the link that verifies the address, and the notice that someone
 * tried to register with an address that already has an account. Both count against {@link MailQuota}
 * and are sent at once (no outbox): if the mail server does not take one, the operator asks again on
 * /settings, and {@link VerificationMailJob} sends a first verification link that never went out.
 */
@ApplicationScoped
public class AccountMails {

    private static final Logger LOG = Logger.getLogger(AccountMails.class);
    /** Marks the mails of this class, for filters and tests. */
    public static final String KIND_HEADER = "X-Hashdesk-Mail";

    @Inject
    Mailer mailer;

    @Inject
    MailQuota quota;

    @Inject
    VerificationTokens tokens;

    @Inject
    HashdeskConfig config;

    /** What became of a mail. */
    public enum Outcome {
        SENT, NOT_TAKEN
    }

    /**
     * Mails the operator a link that verifies their address; {@code legacy} for an account from before
     * verification existed, whose summaries are paused until it is followed. Throws
     * {@link MailQuota.Exceeded} when the limits refuse it.
     */
    public Outcome sendVerification(long operatorId, String email, boolean legacy, Instant now) {
        quota.take(MailQuota.VERIFICATION, email, now);
        String link = tokens.linkFor(operatorId, email, now);
        long hours = config.account().verificationValid().toHours();
        String text = (legacy
                ? "hashdesk now checks that an address belongs to its owner before mailing it. Until you follow\n"
                        + "the link below, your weekly summaries are paused.\n\n"
                : "Welcome to hashdesk. Follow this link to confirm that this address is yours:\n\n")
                + (legacy ? "Confirm your address: " : "") + link + "\n\n"
                + "The link works for " + hours + " hours. Until you follow it, hashdesk mails nothing else to this\n"
                + "address (no weekly summary, no alert). If it has expired, sign in and ask for a new one under\n"
                + "Settings.\n\n"
                + "If you did not create a hashdesk account, ignore this mail: nothing more will be sent.\n";
        Outcome outcome = send(Mail.withText(email, legacy ? "Confirm your address to keep getting hashdesk summaries"
                : "Confirm your email address for hashdesk", text).addHeader(KIND_HEADER, MailQuota.VERIFICATION));
        if (outcome == Outcome.SENT) {
            QuarkusTransaction.requiringNew().run(() -> Operator.update(
                    "verificationMailedAt = ?1 where id = ?2", now, operatorId));
        }
        return outcome;
    }

    /** Tells the owner of an address that someone tried to open a second account with it. */
    public Outcome sendRegistrationNotice(String email, Instant now) {
        quota.take(MailQuota.REGISTRATION_NOTICE, email, now);
        String text = "Someone tried to create a hashdesk account with this address, which already has one.\n"
                + "Nothing was changed: your account and password are as they were.\n\n"
                + "If it was you, sign in instead: " + config.baseUrl() + "/login\n"
                + "If it was not you, you need not do anything.\n";
        return send(Mail.withText(email, "Someone tried to register with your address on hashdesk", text)
                .addHeader(KIND_HEADER, MailQuota.REGISTRATION_NOTICE));
    }

    private Outcome send(Mail mail) {
        try {
            mailer.send(mail);
            return Outcome.SENT;
        } catch (RuntimeException e) {
            LOG.warnf("account mail (%s) not taken by the mail server: %s", mail.getHeaders().get(KIND_HEADER),
                    e.getClass().getSimpleName());
            return Outcome.NOT_TAKEN;
        }
    }
}
