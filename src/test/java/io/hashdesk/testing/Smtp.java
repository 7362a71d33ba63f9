package io.hashdesk.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One GreenMail SMTP server for the whole test run; the app's mailer sends to it for real (no mock), through
 * a {@link SmtpRelay} on a free port of its own. Applies to every @QuarkusTest, like {@link Upstream}, so there
 * is still one application start. Tests may make the SMTP server unreachable ({@link #refuse()}) and reachable
 * again ({@link #accept()}); GreenMail keeps running meanwhile, with what it received.
 */
@QuarkusTestResource(Smtp.class)
public class Smtp implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static SmtpRelay relay;

    /** The port the app sends to. */
    public static synchronized int port() {
        return relay.port();
    }

    public static synchronized GreenMail server() {
        return server;
    }

    /** The SMTP port refuses connections (and open ones are cut) until {@link #accept()}. */
    public static synchronized void refuse() {
        relay.refuse();
    }

    /** The SMTP port takes connections again. */
    public static synchronized void accept() {
        relay.accept();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the test SMTP server", e);
        }
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            relay = new SmtpRelay(freePort(), server.getSmtp().getPort());
            relay.accept();
        }
        return Map.of("quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(relay.port()),
                "quarkus.mailer.start-tls", "DISABLED",
                "hashdesk.base-url", "https://hashdesk.example");
    }

    @Override
    public void stop() {
        // Kept for the whole JVM: several application starts (profiles) may share it.
    }
}
