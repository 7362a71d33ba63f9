package io.hashdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the test SMTP server: the port the app's mailer is given. It lets a test make
 * the SMTP server unreachable ({@link #refuse()}: connections refused, open ones cut) and reachable again
 * ({@link #accept()}) while GreenMail itself keeps running and keeps what it received.
 * <p>
 * It also holds the server's greeting back for {@link #GREETING_DELAY_MS} on every new connection, as any
 * SMTP server across a network does. The Vert.x mail client sets its reader on a new connection one event-loop
 * hop after the connection opens, and Vert.x drops bytes that arrive before a reader is set: a server on the
 * same machine that greets at once now and then has its greeting lost, and the client then waits until the
 * server gives up on it (GreenMail: "421 ... SO_TIMEOUT: 30000ms"). The app copes (the outbox retries), but a
 * test that expects its mail now would fail by chance.
 */
public final class SmtpRelay {

    public static final long GREETING_DELAY_MS = 150;

    private final int port;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    SmtpRelay(int port, int target) {
        this.port = port;
        this.target = target;
    }

    int port() {
        return port;
    }

    synchronized void accept() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = s;
            Thread t = new Thread(() -> run(s), "smtp-relay-" + port);
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            throw new IllegalStateException("the test SMTP relay could not listen on port " + port, e);
        }
    }

    /** Closes the port (new connections refused) and cuts every open connection. */
    synchronized void refuse() {
        ServerSocket s = listener;
        listener = null;
        if (s != null) {
            closeQuietly(s);
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void run(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                return; // refused: the listener was closed
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                pump(server, client, GREETING_DELAY_MS, "smtp-relay-down-" + port);
                pump(client, server, 0, "smtp-relay-up-" + port);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to, long firstDelayMs, String name) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                boolean first = true;
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (first && firstDelayMs > 0) {
                        Thread.sleep(firstDelayMs);
                    }
                    first = false;
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side or refuse() closed the connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
