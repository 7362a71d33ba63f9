package io.hashdesk.alerts;

import io.hashdesk.account.Operator;
import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Fleets;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Operators;
import io.restassured.specification.RequestSpecification;

/**
 * The alerts tests' words for the shared fixtures (io.hashdesk.testing): operators with a verified address
 * and a fleet at a 2 % pool fee, and the stubbed worked network at the price a test needs.
 */
final class AlertFixtures {

    private AlertFixtures() {
    }

    static RequestSpecification as(Operators.Session s) {
        return Fleets.as(s);
    }

    /** A new signed-in operator whose address is verified (alert mail goes only to verified addresses). */
    static Operators.Session verified(String hint) {
        Operators.Session s = Operators.newSignedIn(hint);
        Operators.verify(s.email());
        return s;
    }

    static Operator operator(String email) {
        return Operators.operator(email);
    }

    static long flatSite(Operators.Session s, String name, double usdPerKwh) {
        return Fleets.site(s, name).usdPerKwh(usdPerKwh).poolFeePercent(2).create();
    }

    /** A curtailing time-of-use site: cheap from midnight to noon, dear from noon to midnight, every day. */
    static long touSite(Operators.Session s, String name, double cheap, double dear) {
        return Fleets.site(s, name).cheapMorningsDearAfternoons(cheap, dear).poolFeePercent(2).curtail(true).create();
    }

    /** 10 units of 104 TH/s at 3068 W. */
    static long rig(Operators.Session s, long siteId, String model) {
        return Fleets.rig(s, siteId, model).create();
    }

    /** The stubbed mempool at this BTC price (a -5 % adjustment in 3 days), refreshed: the alerts evaluate the new snapshot. */
    static void price(NetworkService network, double price) {
        Networks.reprice(network, price, -5, 3);
    }
}
