package io.hashdesk.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.web.FormErrors;
import io.quarkus.elytron.security.common.BcryptUtil;

/** Creates operator accounts. */
@ApplicationScoped
public class AccountService {

    /** bcrypt only reads the first 72 bytes of a password; longer ones would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    @Inject
    Validator validator;

    /**
     * The outcome of a registration: accepted (a new operator, or an address that already had an account,
     * which the page must not reveal), refused for too many registrations from the client (the wait), or
     * the errors to show beside the fields.
     */
    public record Registration(Operator operator, String existingEmail, Duration retryAfter, FormErrors errors) {
        public boolean succeeded() {
            return operator != null || existingEmail != null;
        }

        public boolean throttled() {
            return retryAfter != null;
        }
    }

    @Inject
    RateLimiter limiter;

    @Inject
    HashdeskConfig config;

    /**
     * Registers a new operator. An address that already has an account is answered as a new one (the
     * caller mails its owner instead), after as much work (a bcrypt hash), so neither the page nor the time
     * it takes tells whether the address is known. Valid registrations count against
     * {@code hashdesk.account.registrations-per-hour} for the client address.
     */
    @Transactional
    public Registration register(RegistrationForm form, String client, Instant now) {
        form.email = form.email == null ? null : form.email.trim();
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (!errors.has("password") && form.password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add("password", "Use at most 72 characters (fewer if you use accents or symbols).");
        }
        if (!errors.has("password") && !form.password.equals(form.confirm)) {
            errors.add("confirm", "The two passwords differ. Type the same password twice.");
        }
        String email = Operator.normalizeEmail(form.email);
        if (errors.any()) {
            return new Registration(null, null, null, errors);
        }
        Optional<Duration> wait = limiter.tryAcquire(List.of(new RateLimiter.Limit("register:" + client,
                config.account().registrationsPerHour(), Duration.ofHours(1))), now);
        if (wait.isPresent()) {
            return new Registration(null, null, wait.get(), errors);
        }
        // Hashed in both cases: the answer takes as long whether or not the address is known.
        String hash = BcryptUtil.bcryptHash(form.password);
        if (Operator.findByEmail(email).isPresent()) {
            return new Registration(null, email, null, errors);
        }
        Operator operator = new Operator();
        operator.email = email;
        operator.passwordHash = hash;
        operator.createdAt = now;
        operator.persist();
        return new Registration(operator, null, null, errors);
    }

    /** Marks the operator's address verified, if the token was signed for it; false when it was not. */
    @Transactional
    public boolean verify(VerificationTokens tokens, String token, Instant now) {
        OptionalLong id = tokens.operatorOf(token);
        if (id.isEmpty()) {
            return false;
        }
        Operator operator = Operator.findById(id.getAsLong());
        if (operator == null || !tokens.valid(token, operator.id, operator.email, now)) {
            return false;
        }
        if (operator.emailVerifiedAt == null) {
            operator.emailVerifiedAt = now;
        }
        return true;
    }

    /** Changes the operator's time zone; the error message, or null if saved. */
    @Transactional
    public String changeTimezone(Operator operator, String zone) {
        String trimmed = zone == null ? "" : zone.trim();
        if (!ZoneId.getAvailableZoneIds().contains(trimmed) && !"UTC".equals(trimmed)) {
            return "Choose a time zone from the list, e.g. Europe/Oslo or America/Chicago.";
        }
        Operator managed = Operator.findById(operator.id);
        managed.timezone = trimmed;
        return null;
    }

    /**
     * Changes the password after checking the current one; errors by field, empty if saved. In the same
     * transaction every personal API token of the account is revoked: whoever knew the old password may
     * have made one, and a script must be given a new token by the person who now holds the password.
     */
    @Transactional
    public FormErrors changePassword(Operator operator, String current, String password, String confirm) {
        FormErrors errors = FormErrors.none();
        Operator managed = Operator.findById(operator.id);
        if (current == null || !BcryptUtil.matches(current, managed.passwordHash)) {
            errors.add("current", "This is not your current password.");
        }
        if (password == null || password.length() < 12) {
            errors.add("password", "Use at least 12 characters.");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add("password", "Use at most 72 characters (fewer if you use accents or symbols).");
        } else if (!password.equals(confirm)) {
            errors.add("confirm", "The two passwords differ. Type the same password twice.");
        }
        if (errors.isEmpty()) {
            managed.passwordHash = BcryptUtil.bcryptHash(password);
            ApiToken.delete("operator.id", managed.id);
        }
        return errors;
    }
}
