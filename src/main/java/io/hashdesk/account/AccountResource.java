package io.hashdesk.account;

import java.net.URI;

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

import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;

/** Registration, the sign-in page and signing out. The password check itself is Quarkus form login. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(RegistrationForm form, FormErrors errors);

        static native TemplateInstance login(String problem);

        static native TemplateInstance logout();
    }

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    @Inject
    Flash flash;

    @Inject
    WebSessions sessions;

    @GET
    @Path("register")
    public Object registerPage() {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/dashboard")).build();
        }
        return Templates.register(new RegistrationForm(), FormErrors.none());
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@BeanParam RegistrationForm form) {
        AccountService.Registration result = accounts.register(form);
        if (!result.succeeded()) {
            form.password = null;
            form.confirm = null;
            return Response.status(422).entity(Templates.register(form, result.errors())).build();
        }
        flash.success("Your account is ready. Sign in with " + result.operator().email + ".");
        return Response.seeOther(URI.create("/login")).build();
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
