package io.hashdesk.account;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;

/** Registration, the sign-in page and signing out. The password check itself is Quarkus form login. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    private static final Logger LOG = Logger.getLogger(AccountResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(RegistrationForm form, FormErrors errors);

        static native TemplateInstance login(String problem);

        static native TemplateInstance logout();

        static native TemplateInstance verified(boolean verified);
    }

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    @Inject
    Flash flash;

    @Inject
    WebSessions sessions;

    @Inject
    AccountMails mails;

    @Inject
    VerificationTokens tokens;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Clock clock;

    @GET
    @Path("register")
    public Object registerPage() {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/dashboard")).build();
        }
        return Templates.register(new RegistrationForm(), FormErrors.none());
    }

    /**
     * Answers alike whether or not the address already has an account (the same redirect and message);
     * the mail differs: a verification link to a new address, a notice to the owner of a known one. Mails
     * go out after the answer, so its timing does not depend on the mail server either.
     */
    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@BeanParam RegistrationForm form, RoutingContext routing) {
        Instant now = clock.instant();
        AccountService.Registration result = accounts.register(form, clientAddress.of(routing), now);
        if (!result.succeeded()) {
            form.password = null;
            form.confirm = null;
            FormErrors errors = result.errors();
            if (result.throttled()) {
                errors.add("email", "Too many accounts were asked for from your network in the last hour. Try again in "
                        + RateLimiter.minutes(result.retryAfter()) + ".");
            }
            return Response.status(result.throttled() ? 429 : 422).entity(Templates.register(form, errors)).build();
        }
        Operator created = result.operator();
        String email = created != null ? created.email : result.existingEmail();
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                if (created != null) {
                    mails.sendVerification(created.id, created.email, false, now);
                } else {
                    mails.sendRegistrationNotice(email, now);
                }
            } catch (MailQuota.Exceeded e) {
                LOG.infof("account mail after a registration not sent: %s", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf(e, "account mail after a registration not sent");
            }
        });
        flash.success("Thank you. If " + email + " is new to hashdesk, your account is ready: sign in below with the"
                + " password you chose. We are mailing that address a link to confirm it is yours; until it is"
                + " followed, hashdesk mails nothing else to it (no summary, no alert). No mail? Sign in and ask for"
                + " it again under Settings. If the address already had an account, its owner gets a note instead"
                + " and its password is unchanged.");
        return Response.seeOther(URI.create("/login")).build();
    }

    /** The link mailed to a new address: following it verifies the address (the same link twice does no harm). */
    @GET
    @Path("verify")
    public Response verify(@QueryParam("token") String token) {
        boolean verified = accounts.verify(tokens, token, clock.instant());
        return Response.status(verified ? 200 : 400).entity(Templates.verified(verified)).build();
    }

    @GET
    @Path("login")
    public Object loginPage(@QueryParam("error") String error, @QueryParam("throttled") Integer throttledMinutes,
            @QueryParam("expired") String expired) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/dashboard")).build();
        }
        String problem = null;
        if (throttledMinutes != null) {
            int minutes = Math.max(1, Math.min(throttledMinutes, 60));
            problem = "Too many failed sign-ins. For your security, wait " + minutes
                    + (minutes == 1 ? " minute" : " minutes") + " before trying again.";
        } else if (expired != null) {
            problem = "The sign-in form had expired. Sign in again.";
        } else if (error != null) {
            problem = "Email or password is not right. Check both and try again.";
        }
        return Templates.login(problem);
    }

    /** A link cannot sign out (a GET must change nothing): this page shows the button that does. */
    @GET
    @Path("logout")
    public Object logoutPage() {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Templates.logout();
    }

    /** Ends this session on every instance: the record goes, both cookies are cleared. */
    @POST
    @Path("logout")
    public Response logout(@CookieParam(WebSessions.COOKIE) String session) {
        sessions.end(session);
        Response.ResponseBuilder response = Response.seeOther(URI.create("/"));
        if (!identity.isAnonymous()) {
            FormAuthenticationMechanism.logout(identity);
            flash.info("You are signed out.");
        }
        return response.cookie(new NewCookie.Builder(WebSessions.COOKIE).value("").path("/").maxAge(0)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build()).build();
    }
}
