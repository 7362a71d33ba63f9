package io.hashdesk.summary;

import static io.hashdesk.testing.Fleets.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkSnapshot;
import io.hashdesk.testing.Fleets;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Snapshots;
import io.hashdesk.web.Formats;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The weekly mail's past week from what the pool credited (issue 19): an operator whose whole-fleet pool
 * account reported 4 of the 7 days gets those days as credited (at the pool day's stored price) and the
 * other 3 as modelled, named day by day, in the headline and the subject; an operator with the same fleet
 * and no pool account gets the mail as before. The week is twelve weeks back, clear of the recent days whose
 * network history the earnings tests share.
 */
@QuarkusTest
class WeeklyEarnedTest {

    static final double POOL_DAY_PRICE = 80_000;

    @Inject
    NetworkService network;

    @Inject
    SummaryJob job;

    final List<NetworkSnapshot> snapshots = new ArrayList<>();

    @AfterEach
    void removeSnapshots() {
        Snapshots.delete(snapshots);
        snapshots.clear();
    }

    record Operated(Operators.Session session, Operator operator) {
    }

    /** WeeklyBasisTest's fleet in UTC: Prairie earns, Downtown's group is switched off. */
    static Operated fleet(String hint, Instant since) {
        Operators.Session s = Operators.newSignedIn(hint);
        long prairie = Fleets.site(s, "Prairie").usdPerKwh(0.05).poolFeePercent(2).hostingUsdPerMonth(300).timezone("UTC").create();
        long downtown = Fleets.site(s, "Downtown").usdPerKwh(0.12).poolFeePercent(0).hostingUsdPerMonth(150).timezone("UTC").create();
        Fleets.rig(s, prairie, "Custom 200 TH").units(10).terahash(200).watts(3500).create();
        Fleets.rig(s, downtown, "Custom 100 TH").units(5).terahash(100).watts(3250).create();
        Operators.verify(s.email());
        Operator o = Operators.operator(s.email());
        Fixtures.backdate(o.id, since, since);
        return new Operated(s, o);
    }

    @Test
    void thePastWeekIsCreditedWhereThePoolReportedAndModelledElsewhereAndSaysWhich() throws MessagingException {
        Networks.startWorked(network, 71_000, -5, 3);
        LocalDate dueDay = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(12);
        Instant due = dueDay.atTime(7, 0).toInstant(ZoneOffset.UTC);
        Operated pooled = fleet("earned-pool", due.minusSeconds(20 * 86_400));
        Operated plain = fleet("earned-plain", due.minusSeconds(20 * 86_400));
        sameNetworkEveryDay(dueDay);

        // The pool reported Monday, Tuesday, Thursday and Friday; their UTC days' price is 80,000 USD.
        LocalDate monday = dueDay.minusDays(7);
        List<LocalDate> reported = List.of(monday, monday.plusDays(1), monday.plusDays(3), monday.plusDays(4));
        double[] btc = { 0.00085, 0.0009, 0.00088, 0.00091 };
        reported.forEach(WeeklyEarnedTest::storeNetworkDay);
        long pool = as(pooled.session()).body("{\"name\": \"Fleet pool\", \"kind\": \"csv\"}").post("/api/v1/pools")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        StringBuilder csv = new StringBuilder("date,btc\n");
        for (int i = 0; i < reported.size(); i++) {
            csv.append(reported.get(i)).append(',').append(String.format(Locale.ROOT, "%.8f", btc[i])).append('\n');
        }
        as(pooled.session()).contentType("text/csv").body(csv.toString()).post("/api/v1/pools/" + pool + "/earnings")
                .then().statusCode(200);

        job.run(due.plusSeconds(30));

        List<LedgerDay> rows = QuarkusTransaction.requiringNew().call(() -> LedgerDay.<LedgerDay>list(
                "operatorId = ?1 and date between ?2 and ?3 order by date", pooled.operator().id, monday, dueDay.minusDays(1)));
        assertThat(rows).hasSize(7);
        double earned = 0;
        double modelled = 0;
        MimeMessage mail = Fixtures.mailsTo(pooled.session().email()).get(0);
        String text = Fixtures.part(mail, "text/plain");
        String html = Fixtures.part(mail, "text/html");
        Fixtures.keepSample("weekly-earned", html, text);
        for (LedgerDay r : rows) {
            String label = SummaryFormats.weekday(r.date);
            int i = reported.indexOf(r.date);
            modelled += r.profitUsd;
            if (i < 0) {
                earned += r.profitUsd;
                assertThat(text).contains(label + ": " + Formats.btc(r.btc) + " mined, revenue " + Formats.usd0(r.revenueUsd))
                        .contains("profit " + Formats.usd0(r.profitUsd) + "; modelled (no pool report)\n");
            } else {
                // The whole-fleet account's credit replaces the day's modelled revenue after the model's pool fee.
                double day = r.profitUsd - (r.revenueUsd - r.poolFeeUsd) + btc[i] * POOL_DAY_PRICE;
                earned += day;
                assertThat(text).as(label).contains(label + ": " + Formats.btc(r.btc) + " mined, revenue "
                        + Formats.usd0(r.revenueUsd)).contains("profit " + Formats.usd0(r.profitUsd)
                        + "; credited by your pool: " + Formats.btc(btc[i]) + " (" + Formats.usd0(btc[i] * POOL_DAY_PRICE)
                        + "), earned " + Formats.usd0(day) + "\n");
            }
        }
        assertThat(Formats.usd0(earned)).isNotEqualTo(Formats.usd0(modelled));
        String days = "credited: " + String.join(", ", reported.stream().map(SummaryFormats::weekday).toList())
                + "; modelled: " + SummaryFormats.weekday(monday.plusDays(2)) + ", "
                + SummaryFormats.weekday(monday.plusDays(5)) + ", " + SummaryFormats.weekday(monday.plusDays(6));
        assertThat(text).contains("Total (7 of 7 days recorded):").contains("profit " + Formats.usd0(modelled) + "\n")
                .contains("Earned (credited by your pool where reported, modelled otherwise): " + Formats.usd0(earned)
                        + "; " + days + "\n")
                .contains("each of your days takes the pool day that overlaps it most (from 00:00, UTC)");
        assertThat(html).contains("Earned, past 7 days").contains(Formats.usd0(earned))
                .contains("credited by your pool where reported, modelled otherwise · 4 days credited by your pool, 3 modelled")
                .contains("Modelled (no pool report)").contains("Credited: " + days.substring("credited: ".length()));
        assertThat(mail.getSubject()).contains(": earned " + Formats.usd0(earned)
                + " (4 days credited by your pool, 3 modelled); next 7 days ");

        // The same fleet without a pool account: the ledger's week alone, as before.
        MimeMessage plainMail = Fixtures.mailsTo(plain.session().email()).get(0);
        String plainText = Fixtures.part(plainMail, "text/plain");
        assertThat(plainText).contains("Total (7 of 7 days recorded):").contains("profit " + Formats.usd0(modelled) + "\n")
                .doesNotContain("credited").doesNotContain("Earned").doesNotContain("modelled");
        assertThat(Fixtures.part(plainMail, "text/html")).doesNotContain("Earned, past 7 days")
                .contains("Profit, past 7 days").doesNotContain("credited by your pool");
        assertThat(plainMail.getSubject()).contains(": earned " + Formats.usd0(modelled) + "; next 7 days ");
        for (LedgerDay r : rows) {
            assertThat(plainText).contains(SummaryFormats.weekday(r.date) + ": " + Formats.btc(r.btc) + " mined, revenue "
                    + Formats.usd0(r.revenueUsd) + ", power " + Formats.usd0(r.powerCostUsd) + ", hosting "
                    + Formats.usd0(r.hostingUsd) + ", pool fees " + Formats.usd0(r.poolFeeUsd) + ", profit "
                    + Formats.usd0(r.profitUsd) + "\n");
        }
        assertThat(Set.of(text, plainText)).hasSize(2);
    }

    /** The same network every day of the week before {@code dueDay} (kept by the store's pruning as each day's first reading). */
    void sameNetworkEveryDay(LocalDate dueDay) {
        List<NetworkSnapshot> week = new ArrayList<>();
        for (int d = 8; d >= 0; d--) {
            week.add(Snapshots.stored(dueDay.minusDays(d).atTime(0, 5).toInstant(ZoneOffset.UTC), 71_000, 1.355e14));
        }
        QuarkusTransaction.requiringNew().run(() -> NetworkSnapshot.update("firstOfDay = true where id in ?1",
                week.stream().map(s -> s.id).toList()));
        snapshots.addAll(week);
    }

    /**
     * A site account replaces its own site's modelled revenue only: with two earning sites, a report for one
     * makes the day "partly credited", named by that site, the other site's revenue kept modelled. The site's
     * name, markup typed by the operator, reads as text in the HTML part.
     */
    @Test
    void aSiteAccountCreditsItsSiteAndTheRestOfTheDayStaysModelled() throws MessagingException {
        Networks.startWorked(network, 71_000, -5, 3);
        LocalDate dueDay = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(13);
        Instant due = dueDay.atTime(7, 0).toInstant(ZoneOffset.UTC);
        Operators.Session s = Operators.newSignedIn("earned-site");
        long named = Fleets.site(s, "<b>Prairie</b>").usdPerKwh(0.05).poolFeePercent(2).timezone("UTC").create();
        long ridge = Fleets.site(s, "Ridge").usdPerKwh(0.05).poolFeePercent(1).timezone("UTC").create();
        Fleets.rig(s, named, "Custom 200 TH").units(10).terahash(200).watts(3500).create();
        Fleets.rig(s, ridge, "Custom 200 TH").units(10).terahash(200).watts(3500).create();
        Operators.verify(s.email());
        Operator o = Operators.operator(s.email());
        Fixtures.backdate(o.id, due.minusSeconds(20 * 86_400), due.minusSeconds(20 * 86_400));
        sameNetworkEveryDay(dueDay);
        LocalDate monday = dueDay.minusDays(7);
        storeNetworkDay(monday);
        long pool = as(s).body("{\"name\": \"Prairie pool\", \"kind\": \"csv\", \"siteId\": " + named + "}")
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
        as(s).contentType("text/csv").body("date,btc\n" + monday + ",0.00090000\n").post("/api/v1/pools/" + pool + "/earnings")
                .then().statusCode(200);

        job.run(due.plusSeconds(30));

        LedgerDay r = QuarkusTransaction.requiringNew().call(() -> LedgerDay.<LedgerDay>find(
                "operatorId = ?1 and date = ?2", o.id, monday).firstResult());
        LedgerSite site = Ledger.sites(r).stream().filter(x -> x.siteId() == named).findFirst().orElseThrow();
        LedgerSite other = Ledger.sites(r).stream().filter(x -> x.siteId() == ridge).findFirst().orElseThrow();
        assertThat(other.revenueUsd()).isPositive();
        double earned = r.profitUsd - (site.revenueUsd() - site.poolFeeUsd()) + 0.0009 * POOL_DAY_PRICE;
        MimeMessage mail = Fixtures.mailsTo(s.email()).get(0);
        String text = Fixtures.part(mail, "text/plain");
        String html = Fixtures.part(mail, "text/html");
        assertThat(text).contains(SummaryFormats.weekday(monday) + ": ").contains("profit " + Formats.usd0(r.profitUsd)
                + "; credited by your pool for <b>Prairie</b> (the rest modelled): 0.00090000 BTC ("
                + Formats.usd0(0.0009 * POOL_DAY_PRICE) + "), earned " + Formats.usd0(earned) + "\n")
                .contains("credited: " + SummaryFormats.weekday(monday) + "; modelled: ");
        assertThat(html).contains("Credited by your pool for &lt;b&gt;Prairie&lt;/b&gt; (the rest modelled)")
                .doesNotContain("<b>Prairie</b>");
        assertThat(mail.getSubject()).contains("(1 day credited by your pool, 6 modelled)");
    }

    /** A UTC day's network history as mempool's would be stored, at {@link #POOL_DAY_PRICE}. */
    static void storeNetworkDay(LocalDate d) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = LedgerDay.getEntityManager();
            em.createNativeQuery("DELETE FROM network_day WHERE network_date = :d").setParameter("d", Date.valueOf(d))
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO network_day (network_date, difficulty, height, price_usd,"
                    + " fees_per_block_btc, recorded_at) VALUES (:d, 1.355e14, 934000, :p, 0.03, :now)")
                    .setParameter("d", Date.valueOf(d)).setParameter("p", POOL_DAY_PRICE)
                    .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        });
    }
}
