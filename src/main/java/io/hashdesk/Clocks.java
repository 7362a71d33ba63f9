package io.hashdesk;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one clock the app reads "now" from (UTC), so tests can reason about time. */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
