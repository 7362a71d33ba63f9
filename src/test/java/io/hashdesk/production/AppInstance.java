package io.hashdesk.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One running instance of the packaged app, as a child process with its own HTTP and management
 * ports, configured by environment variables exactly as the README's production recipe does.
 * Every instance is killed when the test JVM exits, however it exits.
 */
final class AppInstance implements AutoCloseable {

    private static final List<AppInstance> RUNNING = new CopyOnWriteArrayList<>();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(i -> i.process.destroyForcibly())));
    }

    final String name;
    final int port;
    final int managementPort;
    final Path log;
    private final Process process;

    private AppInstance(String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java -jar app} in {@code workDir} (its ./data/ stays there) with these settings on top. */
    static AppInstance start(String name, Path app, Path workDir, Map<String, String> env) {
        try {
            int port = freePort();
            int managementPort = freePort();
            Files.createDirectories(workDir);
            Path log = workDir.resolve(name + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx320m", "-jar", app.toAbsolutePath().toString())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            AppInstance instance = new AppInstance(name, port, managementPort, log, builder.start());
            RUNNING.add(instance);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Status of GET {@code path} on the management port, or -1 when nothing answers. */
    int management(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until /q/health/ready says UP; fails with the end of the log when the process dies or takes too long. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (management("/q/health/ready") == 200) {
                return;
            }
            sleep(250);
        }
        throw new AssertionError(name + " not ready after " + timeout + ":\n" + logTail());
    }

    /** SIGTERM, as a service manager stops it during a rolling restart. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end (after {@link #terminate()}); returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running " + timeout + " after SIGTERM:\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        RUNNING.remove(this);
    }

    String logTail() {
        try {
            List<String> lines = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + url() + ")";
    }
}
