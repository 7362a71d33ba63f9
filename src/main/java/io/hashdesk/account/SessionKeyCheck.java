package io.hashdesk.account;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with a session key anyone could know, wherever it was set (also directly as
 * {@code quarkus.http.auth.session.encryption-key}): a forged cookie would sign anyone in.
 */
@Singleton
public class SessionKeyCheck {

    void onStart(@Observes StartupEvent event) {
        String key = ConfigProvider.getConfig().getOptionalValue(SessionKeySource.PROPERTY, String.class).orElse(null);
        String weakness = SessionKeySource.weakness(key);
        if (weakness != null) {
            throw new IllegalStateException("hashdesk will not start: the session key cannot be used, " + weakness
                    + ". Unset it to have one generated and kept under ./data/, or set " + SessionKeySource.ENV
                    + " to 32+ random characters, the same on every instance.");
        }
    }
}
