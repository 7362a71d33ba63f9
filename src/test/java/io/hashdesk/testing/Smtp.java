package io.hashdesk.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One GreenMail SMTP server for the whole test run, on a free port; the app's mailer sends to it for
 * real (no mock). Applies to every @QuarkusTest, like {@link Upstream}, so there is still one
 * application start. Tests may stop it (the SMTP server refusing) and start it again on the same port.
 */
@QuarkusTestResource(Smtp.class)
public class Smtp implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static int port;

    public static synchronized int port() {
        return port;
    }

    public static synchronized GreenMail server() {
        return server;
    }

    /** Stops the SMTP server: the app's sends are refused until {@link #accept()}. */
    public static synchronized void refuse() {
        server.stop();
    }

    /** Starts a fresh SMTP server on the same port (what it had received is gone). */
    public static synchronized void accept() {
        server = new GreenMail(setup());
        server.start();
    }

    private static ServerSetup setup() {
        return new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free port for the test SMTP server", e);
            }
            accept();
        }
        return Map.of("quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED",
                // Now and then a mail stalled until GreenMail's 30 s socket timeout ("421 ... SO_TIMEOUT"), with
                // commands pipelined by the client; one command at a time keeps the tests deterministic.
                "quarkus.mailer.pipelining", "false",
                "hashdesk.base-url", "https://hashdesk.example");
    }

    @Override
    public void stop() {
        // Kept for the whole JVM: several application starts (profiles) may share it.
    }
}
