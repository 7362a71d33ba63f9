package io.hashdesk.projection;

import static io.hashdesk.projection.ProjectionApiTest.rig;
import static io.hashdesk.projection.ProjectionApiTest.site;

import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Operators;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A new operator on docs/economics.md's worked network at 71,000 USD with two rig groups: a profitable S21
 * group at 0.04 USD/kWh (10 units, 1,000 USD paid: pays back in about a month) and an S19 group at
 * 0.11 USD/kWh that loses money on every day (revenue 3.16 USD against 8.58 USD of power per unit and
 * day; its site charges 365 USD a month of hosting, 12 USD a day, running or not).
 */
record WinnerAndLoser(Operators.Session session, long winner, long loser) {

    static WinnerAndLoser create(NetworkService network, CircuitBreakerMaintenance breakers, String hint) {
        breakers.resetAll();
        ProjectionApiTest.workedExampleNetwork(network, 71_000);
        Operators.Session session = Operators.newSignedIn(hint);
        long cheap = site(session, "Cheap", 0.04, 0);
        long dear = site(session, "Dear", 0.11, 365);
        return new WinnerAndLoser(session, rig(session, cheap, "Antminer S21", 10, 200, 3500, 100.0),
                rig(session, dear, "Antminer S19", 5, 95, 3250, 4000.0));
    }
}
