package io.hashdesk.testing;

import io.hashdesk.network.NetworkService;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A new operator on docs/economics.md's worked network at 71,000 USD with two rig groups: a profitable S21
 * group at 0.04 USD/kWh (10 units, 1,000 USD paid: pays back in about a month) and an S19 group at
 * 0.11 USD/kWh that loses money on every day (revenue 3.16 USD against 8.58 USD of power per unit and
 * day; its site charges 365 USD a month of hosting, 12 USD a day, running or not).
 */
public record WinnerAndLoser(Operators.Session session, long winner, long loser) {

    public static WinnerAndLoser create(NetworkService network, CircuitBreakerMaintenance breakers, String hint) {
        breakers.resetAll();
        Networks.startWorked(network, 71_000, 0, 5);
        Operators.Session session = Operators.newSignedIn(hint);
        long cheap = Fleets.site(session, "Cheap").usdPerKwh(0.04).create();
        long dear = Fleets.site(session, "Dear").usdPerKwh(0.11).hostingUsdPerMonth(365).create();
        return new WinnerAndLoser(session,
                Fleets.rig(session, cheap, "Antminer S21").units(10).terahash(200).watts(3500).purchaseUsd(100.0).create(),
                Fleets.rig(session, dear, "Antminer S19").units(5).terahash(95).watts(3250).purchaseUsd(4000.0).create());
    }
}
