package io.hashdesk.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.hashdesk.web.FormErrors;
import io.quarkus.elytron.security.common.BcryptUtil;

/** Creates operator accounts. */
@ApplicationScoped
public class AccountService {

    /** bcrypt only reads the first 72 bytes of a password; longer ones would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    @Inject
    Validator validator;

    /** The outcome of a registration: the new operator, or the errors to show beside the fields. */
    public record Registration(Operator operator, FormErrors errors) {
        public boolean succeeded() {
            return operator != null;
        }
    }

    @Transactional
    public Registration register(RegistrationForm form) {
        form.email = form.email == null ? null : form.email.trim();
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (!errors.has("password") && form.password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add("password", "Use at most 72 characters (fewer if you use accents or symbols).");
        }
        if (!errors.has("password") && !form.password.equals(form.confirm)) {
            errors.add("confirm", "The two passwords differ. Type the same password twice.");
        }
        String email = Operator.normalizeEmail(form.email);
        if (!errors.has("email") && Operator.findByEmail(email).isPresent()) {
            errors.add("email", "This email already has an account. Sign in, or use another address.");
        }
        if (errors.any()) {
            return new Registration(null, errors);
        }
        Operator operator = new Operator();
        operator.email = email;
        operator.passwordHash = BcryptUtil.bcryptHash(form.password);
        operator.createdAt = Instant.now();
        operator.persist();
        return new Registration(operator, errors);
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

    /** Changes the password after checking the current one; errors by field, empty if saved. */
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
        }
        return errors;
    }
}
