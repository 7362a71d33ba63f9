package io.hashdesk.testing;

import static io.restassured.RestAssured.given;

import java.util.Locale;

import io.restassured.specification.RequestSpecification;

/**
 * Fleets made through the JSON API, as a script would: {@code Fleets.site(me, "Texas").usdPerKwh(0.04).create()},
 * {@code Fleets.rig(me, site, "Antminer S21").units(10).terahash(200).watts(3500).create()}. Unset figures are
 * the plain ones: no pool fee, no hosting, overhead 1, uptime 100 %, no curtailment, UTC; 10 units of
 * 104 TH/s at 3068 W.
 */
public final class Fleets {

    private Fleets() {
    }

    /** A JSON request as the signed-in browser's scripts send it (session cookie and CSRF header). */
    public static RequestSpecification as(Operators.Session s) {
        return given().cookies(s.cookies()).header("X-CSRF-TOKEN", s.csrf()).contentType("application/json");
    }

    public static SiteBuilder site(Operators.Session s, String name) {
        return new SiteBuilder(s, name);
    }

    public static RigBuilder rig(Operators.Session s, long siteId, String model) {
        return new RigBuilder(s, siteId, model);
    }

    public static final class SiteBuilder {
        private final Operators.Session session;
        private final String name;
        private String tariff = "{\"type\":\"flat\",\"usdPerKwh\":0.05}";
        private double poolFeePercent;
        private double hostingUsdPerMonth;
        private boolean curtail;
        private String timezone = "UTC";

        private SiteBuilder(Operators.Session session, String name) {
            this.session = session;
            this.name = name;
        }

        public SiteBuilder usdPerKwh(double usdPerKwh) {
            tariff = String.format(Locale.ROOT, "{\"type\":\"flat\",\"usdPerKwh\":%s}", usdPerKwh);
            return this;
        }

        /** Time of use: {@code cheap} from midnight to noon, {@code dear} from noon to midnight, every day. */
        public SiteBuilder cheapMorningsDearAfternoons(double cheap, double dear) {
            tariff = String.format(Locale.ROOT, "{\"type\":\"tou\",\"bands\":["
                    + "{\"days\":\"Mon-Sun\",\"fromHour\":0,\"toHour\":12,\"usdPerKwh\":%s},"
                    + "{\"days\":\"Mon-Sun\",\"fromHour\":12,\"toHour\":24,\"usdPerKwh\":%s}]}", cheap, dear);
            return this;
        }

        public SiteBuilder poolFeePercent(double percent) {
            poolFeePercent = percent;
            return this;
        }

        public SiteBuilder hostingUsdPerMonth(double usd) {
            hostingUsdPerMonth = usd;
            return this;
        }

        public SiteBuilder curtail(boolean allowed) {
            curtail = allowed;
            return this;
        }

        public SiteBuilder timezone(String zone) {
            timezone = zone;
            return this;
        }

        /** POSTs the site and answers its id (201 expected). */
        public long create() {
            String body = String.format(Locale.ROOT, "{\"name\":\"%s\",\"tariff\":%s,\"poolFeePercent\":%s,"
                    + "\"hostingUsdPerMonth\":%s,\"powerOverhead\":1,\"uptimePercent\":100,\"curtail\":%s,"
                    + "\"timezone\":\"%s\"}", name, tariff, poolFeePercent, hostingUsdPerMonth, curtail, timezone);
            return as(session).body(body).post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }

    public static final class RigBuilder {
        private final Operators.Session session;
        private final long siteId;
        private final String model;
        private long units = 10;
        private double terahash = 104;
        private double watts = 3068;
        private Double purchaseUsd;

        private RigBuilder(Operators.Session session, long siteId, String model) {
            this.session = session;
            this.siteId = siteId;
            this.model = model;
        }

        public RigBuilder units(long n) {
            units = n;
            return this;
        }

        public RigBuilder terahash(double perUnit) {
            terahash = perUnit;
            return this;
        }

        public RigBuilder watts(double perUnit) {
            watts = perUnit;
            return this;
        }

        public RigBuilder purchaseUsd(Double perUnit) {
            purchaseUsd = perUnit;
            return this;
        }

        /** POSTs the rig group and answers its id (201 expected). */
        public long create() {
            String body = String.format(Locale.ROOT, "{\"siteId\":%d,\"model\":\"%s\",\"units\":%d,\"terahash\":%s,"
                    + "\"watts\":%s%s}", siteId, model, units, terahash, watts,
                    purchaseUsd == null ? "" : String.format(Locale.ROOT, ",\"purchaseUsd\":%s", purchaseUsd));
            return as(session).body(body).post("/api/v1/rigs").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }
}
