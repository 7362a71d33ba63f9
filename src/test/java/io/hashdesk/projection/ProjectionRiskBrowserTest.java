package io.hashdesk.projection;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.BrowserTest;
import io.hashdesk.testing.Chromium;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** The price-risk bands in a real browser: drawn, and redrawn in place when the volatility changes. */
@QuarkusTest
class ProjectionRiskBrowserTest extends BrowserTest {

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void bandsRenderAndTheVolatilityInputRedrawsThemWithoutAPageLoad() {
        breakers.resetAll();
        ProjectionApiTest.workedExampleNetwork(network, 71_000);
        Operators.Session s = Operators.newSignedIn("browser-risk");
        long cheap = ProjectionApiTest.site(s, "Cheap hydro", 0.045, 1000);
        long dear = ProjectionApiTest.site(s, "Dear grid", 0.09, 0);
        ProjectionApiTest.rig(s, cheap, "Antminer S21", 40, 200, 3500, 3000.0);
        ProjectionApiTest.rig(s, dear, "Antminer S19 XP", 12, 140, 3010, 1500.0);

        try (BrowserContext context = chromium.window(1280, 900)) {
            Page page = context.newPage();
            // Chromium logs every 4xx answer; the 422 asked for below is the server refusing a value on purpose.
            List<String> problems = Chromium.problems(page, text -> text.contains("responded with a status of 422"));
            signIn(page, s);

            page.navigate(base + "projection?days=180&priceDriftPercent=-4");
            assertThat(page.locator("#cumulative-profit svg path.band.b1")).hasCount(1);
            assertThat(page.locator("#cumulative-profit svg path.line.s2")).hasCount(1);
            assertThat(page.locator("#cumulative-profit figcaption")).containsText("55 % volatility");
            assertThat(page.locator("#probability-positive")).containsText("%");
            String before = page.locator("#cumulative-profit svg path.band.b1").getAttribute("d");
            assertTrue(before.startsWith("M") && before.endsWith("Z"), before);
            // A marker that a full page load would wipe out.
            page.evaluate("() => { document.body.dataset.untouched = 'yes'; }");

            page.getByLabel("BTC price volatility (% a year)").fill("150");
            page.getByLabel("BTC price volatility (% a year)").press("Tab");
            page.waitForCondition(() -> !before.equals(
                    page.locator("#cumulative-profit svg path.band.b1").getAttribute("d")));
            assertThat(page.locator("#cumulative-profit figcaption")).containsText("150 % volatility");
            assertEquals("yes", page.evaluate("() => document.body.dataset.untouched"), "no page load");
            assertThat(page).hasURL(Pattern.compile(".*volatilityPercent=150.*"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("projection-risk")).setFullPage(true)
                    .setCaret(com.microsoft.playwright.options.ScreenshotCaret.INITIAL));

            // A value the server refuses (422) is shown beside its field in place, like every form's errors:
            // htmx 2 swaps no 4xx answer unless told to (base.html's responseHandling lets 422 through).
            page.evaluate("() => htmx.ajax('GET', '/projection?days=30&volatilityPercent=999',"
                    + " {target: '#projection-workspace', swap: 'outerHTML'})");
            assertThat(page.locator("#volatility-error")).containsText("0 to 200 % a year");
            assertThat(page.getByLabel("BTC price volatility (% a year)")).hasValue("999");
            assertEquals("yes", page.evaluate("() => document.body.dataset.untouched"), "still no page load");

            assertEquals(List.of(), problems, "no script errors or Content-Security-Policy violations");
        }
    }
}
