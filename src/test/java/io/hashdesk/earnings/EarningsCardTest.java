package io.hashdesk.earnings;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard's "earned vs expected, last 7 days" card over stored pool days (Braiins stubbed, network
 * history stubbed as in {@link EarningsHistoryTest}): nothing without a pool account, the reference's
 * worked example at 95 %, a restated day shown at the next view (the cached card is keyed by the fetch),
 * an account below its threshold and one whose token was refused named.
 */
@QuarkusTest
class EarningsCardTest {

    @Inject
    NetworkHistory history;

    private final EarningsHistoryTest fixtures = new EarningsHistoryTest();

    private String dashboard(Operators.Session me) {
        return given().cookies(me.cookies()).get("/dashboard").then().statusCode(200).extract().asString();
    }

    @Test
    void noCardWithoutAPoolAccount() {
        Operators.Session me = Operators.newSignedIn("card-none");
        assertThat(dashboard(me)).contains("Dashboard").doesNotContain("Earned vs expected");
    }

    @Test
    void creditedAgainstExpectedAndARestatedDayShownAtOnce() {
        fixtures.history = history;
        LocalDate y = EarningsHistoryTest.yesterday();
        fixtures.stubHistory(y.minusDays(1), List.of(y.minusDays(2), y.minusDays(1), y)); // shared history, as there
        Operators.Session me = Operators.newSignedIn("card-week");
        String token = BraiinsFetchTest.token();
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(y.minusDays(2), "0.008175");
        BraiinsFetchTest.answer(token, 200, EarningsHistoryTest.rewards(days), 0);
        long id = EarningsHistoryTest.fleetWithBraiins(me, token);
        String before = dashboard(me);
        assertThat(before).contains("Earned vs expected, last 7 days").contains("no reconciled day in the last 7");

        assertThat(BraiinsFetchTest.fetch(me, id).getString("state")).isEqualTo("ok");
        String page = dashboard(me);
        assertThat(page).contains("Earned vs expected, last 7 days").contains("Braiins Texas")
                .contains("0.00817500 BTC").contains("95.00 %")
                .contains(String.format(java.util.Locale.ENGLISH, "%,.2f USD", 0.008175 * 90000))
                .doesNotContain("below its threshold");

        days.put(y.minusDays(2), "0.0069"); // restated: 80.18 % of expected, below the default 90 %
        BraiinsFetchTest.answer(token, 200, EarningsHistoryTest.rewards(days), 0);
        assertThat(BraiinsFetchTest.fetch(me, id).getString("state")).isEqualTo("ok");
        String after = dashboard(me);
        assertThat(after).contains("0.00690000 BTC").contains("80.18 %").doesNotContain("0.00817500 BTC")
                .contains("<strong class=\"warn\">Braiins Texas</strong>: realized 80.18 % over the last 3 days,"
                        + " below its threshold of 90.00 %");
    }

    @Test
    void anAccountWhoseTokenWasRefusedIsNamed() {
        Operators.Session me = Operators.newSignedIn("card-refused");
        String token = BraiinsFetchTest.token();
        BraiinsFetchTest.answer(token, 401, "{}", 0);
        long id = BraiinsFetchTest.account(me, token);
        dashboard(me); // cached before the fetch
        assertThat(BraiinsFetchTest.fetch(me, id).getString("state")).isEqualTo("token-refused");
        assertThat(dashboard(me)).contains("Earned vs expected, last 7 days")
                .contains("<strong class=\"warn\">Braiins</strong>: the pool refused its token");
    }
}
