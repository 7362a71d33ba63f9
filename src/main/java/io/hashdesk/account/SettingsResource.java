package io.hashdesk.account;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** The operator's own settings: time zone, password, personal API tokens for scripts. */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Operator operator, List<ApiToken> tokens, String newToken,
                String tokenName, String tokenExpires, FormErrors errors, List<String> zones);
    }

    /** Every IANA zone, sorted, for the time zone list. */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted().collect(Collectors.collectingAndThen(Collectors.toList(),
                    list -> { list.add(0, "UTC"); return List.copyOf(list); }));

    @Inject
    AccountService accounts;

    @Inject
    CurrentOperator current;

    @Inject
    ApiTokenService tokens;

    @Inject
    Flash flash;

    @Inject
    WebSessions sessions;

    @Inject
    SignInThrottle throttle;

    @Inject
    ClientAddress clientAddress;

    @Inject
    AccountMails mails;

    @Inject
    DeviceCookies devices;

    @Inject
    Clock clock;

    @Inject
    HashdeskConfig config;

    @GET
    public TemplateInstance index() {
        Operator operator = current.get();
        return page(operator, null, "", FormErrors.none());
    }

    private TemplateInstance page(Operator operator, String newToken, String tokenName, FormErrors errors) {
        return page(operator, newToken, tokenName, "", errors);
    }

    private TemplateInstance page(Operator operator, String newToken, String tokenName, String tokenExpires,
            FormErrors errors) {
        return Templates.index(operator, tokens.list(operator), newToken, tokenName, tokenExpires, errors, ZONES);
    }

    @POST
    @Path("timezone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeTimezone(@RestForm String timezone) {
        Operator operator = current.get();
        String error = accounts.changeTimezone(operator, timezone);
        if (error != null) {
            return Response.status(422).entity(page(operator, null, "", FormErrors.none().add("timezone", error))).build();
        }
        flash.success("Dates are now shown in " + timezone.trim() + ".");
        return Response.seeOther(URI.create("/settings")).build();
    }

    /** Mails the verification link again (counted by {@link MailQuota}: a refusal says how long to wait). */
    @POST
    @Path("verify")
    public Response resendVerification() {
        Operator operator = current.get();
        if (operator.emailVerified()) {
            flash.info("Your address " + operator.email + " is already confirmed.");
            return Response.seeOther(URI.create("/settings")).build();
        }
        AccountMails.Outcome outcome;
        try {
            outcome = mails.sendVerification(operator.id, operator.email, false, clock.instant());
        } catch (MailQuota.Exceeded e) {
            return Response.status(429).entity(page(operator, null, "", FormErrors.none().add("verify",
                    "Not sent: " + e.getMessage()))).build();
        }
        if (outcome == AccountMails.Outcome.NOT_TAKEN) {
            return Response.status(503).entity(page(operator, null, "", FormErrors.none().add("verify",
                    "The mail server did not take the mail. Try again later."))).build();
        }
        flash.success("A new link is on its way to " + operator.email + ". It works for "
                + config.account().verificationValid().toHours() + " hours.");
        return Response.seeOther(URI.create("/settings")).build();
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String current, @RestForm String password, @RestForm String confirm,
            @CookieParam(WebSessions.COOKIE) String session, @CookieParam(DeviceCookies.COOKIE) String device,
            RoutingContext routing) {
        Operator operator = this.current.get();
        // The current password is guessed here as on the sign-in page: the same count and limit.
        SignInThrottle.Attempt attempt = throttle.begin(operator.email, clientAddress.of(routing),
                devices.trustedNonce(device, operator.email).orElse(null), Instant.now());
        if (attempt.refused()) {
            long minutes = Math.max(1, (attempt.waitFor().toSeconds() + 59) / 60);
            return Response.status(429).entity(page(operator, null, "", FormErrors.none().add("current",
                    "Too many wrong passwords. For your security, wait " + minutes
                            + (minutes == 1 ? " minute" : " minutes") + " before trying again."))).build();
        }
        int revoked = tokens.list(operator).size();
        FormErrors errors = accounts.changePassword(operator, current, password, confirm);
        if (!errors.has("current")) {
            throttle.succeeded(operator.email, attempt);
        }
        if (errors.any()) {
            return Response.status(422).entity(page(operator, null, "", errors)).build();
        }
        // Whoever else knew the old password is signed out everywhere; this browser stays signed in.
        sessions.endOthers(operator, session);
        flash.success("Your password is changed. Every other session of your account is signed out"
                + (revoked == 0 ? "." : revoked == 1 ? ", and your 1 API token was revoked: give your script a new one."
                        : ", and your " + revoked + " API tokens were revoked: give your scripts new ones."));
        return Response.seeOther(URI.create("/settings")).build();
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@RestForm String name, @RestForm String expires) {
        Operator operator = current.get();
        String trimmed = name == null ? "" : name.trim();
        String expiresText = expires == null ? "" : expires.trim();
        FormErrors errors = FormErrors.none();
        if (trimmed.isEmpty()) {
            errors.add("name", "Name the token after the script that will use it, e.g. \"grafana\".");
        } else if (trimmed.length() > 80) {
            errors.add("name", "Use at most 80 characters.");
        }
        ZoneId zone = ZoneId.of(operator.timezone);
        Instant expiresAt = null;
        if (!expiresText.isEmpty()) {
            try {
                LocalDate last = LocalDate.parse(expiresText);
                LocalDate today = LocalDate.now(zone);
                if (last.isBefore(today)) {
                    errors.add("expires", "This date is in the past. Choose today or a later day, or leave it empty.");
                } else if (last.isAfter(today.plusYears(ApiTokenService.MAX_YEARS))) {
                    errors.add("expires", "Choose a day at most " + ApiTokenService.MAX_YEARS + " years ahead.");
                } else {
                    // Valid through the whole of that day in the operator's time zone.
                    expiresAt = last.plusDays(1).atStartOfDay(zone).toInstant();
                }
            } catch (DateTimeParseException e) {
                errors.add("expires", "Enter a date as YYYY-MM-DD, e.g. " + LocalDate.now(zone).plusMonths(3) + ".");
            }
        }
        Optional<ApiTokenService.CreatedToken> created = Optional.empty();
        if (!errors.any()) {
            created = tokens.create(operator, trimmed, expiresAt);
            if (created.isEmpty()) {
                errors.add("name", "You have " + ApiTokenService.MAX_PER_OPERATOR
                        + " tokens, the most one account may have. Revoke one you no longer use first.");
            }
        }
        if (errors.any()) {
            return Response.status(422).entity(page(operator, null, name, expires, errors)).build();
        }
        // Shown once, on this response only: it is not stored and cannot be shown again.
        return Response.ok(page(operator, created.get().secret(), "", "", FormErrors.none()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revokeToken(@PathParam("id") long id) {
        if (!tokens.revoke(current.get(), id)) {
            throw new NotFoundException();
        }
        flash.success("The token is revoked; scripts using it are refused from now on.");
        return Response.seeOther(URI.create("/settings")).build();
    }
}
