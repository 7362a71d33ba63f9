package io.hashdesk.network;

import java.time.Clock;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the layout's banner says about the data on every page ({@code inject:networkStatus}). */
@Named("networkStatus")
@RequestScoped
public class NetworkStatus {

    @Inject
    NetworkService network;

    @Inject
    Clock clock;

    private NetworkView view;

    private NetworkView view() {
        if (view == null) {
            view = network.latest();
        }
        return view;
    }

    public boolean isStale() {
        return view().stale();
    }

    public boolean isSample() {
        return view().bundled();
    }

    public String getSource() {
        return view().source();
    }

    public String getAge() {
        return view().ageText(clock.instant());
    }
}
