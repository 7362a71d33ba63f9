package io.hashdesk.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /backup} on the management port (127.0.0.1:9000 by default, never the port operators
 * sign in on): whoever runs the instance takes an online backup of the embedded database, e.g.
 * {@code curl -X POST http://127.0.0.1:9000/backup}. The answer names the file. Only POST, so a probe
 * or a crawler reading the port never writes a backup.
 */
@ApplicationScoped
public class BackupRoute {

    private static final Logger LOG = Logger.getLogger(BackupRoute.class);

    @Inject
    DatabaseBackup backup;

    void register(@Observes ManagementInterface management) {
        management.router().post("/backup").blockingHandler(this::take);
    }

    void take(RoutingContext rc) {
        try {
            DatabaseBackup.Taken taken = backup.take();
            LOG.infof("Database backup written to %s (%d bytes)", taken.file(), taken.bytes());
            json(rc, 200, new JsonObject().put("file", taken.file().toString()).put("bytes", taken.bytes()));
        } catch (DatabaseBackup.NotEmbeddedException e) {
            problem(rc, 409, "Not the embedded database", e.getMessage());
        } catch (Exception e) {
            String id = Long.toHexString(System.nanoTime());
            LOG.errorf(e, "Database backup failed, reference %s", id);
            problem(rc, 500, "Backup failed", "No backup was written: " + e.getMessage() + " Reference: " + id);
        }
    }

    private static void json(RoutingContext rc, int status, JsonObject body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void problem(RoutingContext rc, int status, String title, String detail) {
        rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).put("instance", "/backup").encode());
    }
}
