package io.hashdesk.projection;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.BrowserTest;
import io.hashdesk.testing.Chromium;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

@QuarkusTest
class DashboardBrowserTest extends BrowserTest {

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void dashboardShowsItsChartAndSwitchOffListAndTheProjectionUpdatesInPlace() {
        breakers.resetAll();
        ProjectionApiTest.workedExampleNetwork(network, 71_000);
        Operators.Session s = Operators.newSignedIn("browser-dash");
        long cheap = ProjectionApiTest.site(s, "Cheap hydro", 0.04, 2000);
        long dear = ProjectionApiTest.site(s, "Dear grid", 0.10, 0);
        ProjectionApiTest.rig(s, cheap, "Antminer S21", 40, 200, 3500, 4000.0);
        ProjectionApiTest.rig(s, dear, "Antminer S19", 12, 95, 3250, null);

        try (BrowserContext context = chromium.window(1280, 900)) {
            Page page = context.newPage();
            List<String> problems = Chromium.problems(page);
            signIn(page, s);

            assertThat(page.locator("#profit-90 svg path.line.s1")).hasCount(1);
            assertThat(page.locator("#switch-off")).containsText("Antminer S19");
            assertThat(page.locator("#switch-off")).not().containsText("Antminer S21");
            assertThat(page.locator("#cost-per-btc")).containsText("USD");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("dashboard-fleet")).setFullPage(true)
                    .setCaret(com.microsoft.playwright.options.ScreenshotCaret.INITIAL));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Projection").setExact(true)).click();
            assertThat(page.locator("#results-h")).containsText("Over 90 days");
            // A marker that a full page load would wipe out.
            page.evaluate("() => { document.body.dataset.untouched = 'yes'; }");
            String before = page.locator("#cumulative-profit svg path.line.s1").getAttribute("d");
            page.getByLabel("BTC price drift (% per 30 days)").fill("-20");
            page.getByLabel("BTC price drift (% per 30 days)").press("Tab");
            assertThat(page.locator("#results-h")).containsText("Over 90 days");
            page.waitForCondition(() -> !before.equals(
                    page.locator("#cumulative-profit svg path.line.s1").getAttribute("d")));
            assertEquals("yes", page.evaluate("() => document.body.dataset.untouched"));
            assertThat(page).hasURL(Pattern.compile(".*priceDriftPercent=-20.*"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("projection")).setFullPage(true)
                    .setCaret(com.microsoft.playwright.options.ScreenshotCaret.INITIAL));
            assertEquals(List.of(), problems, "no script errors or Content-Security-Policy violations");
        }
    }
}
