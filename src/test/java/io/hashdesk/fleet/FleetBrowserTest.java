package io.hashdesk.fleet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ScreenshotCaret;
import com.microsoft.playwright.options.SelectOption;

import io.hashdesk.testing.BrowserTest;
import io.hashdesk.testing.Chromium;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;

/** A new operator adds a site and a rig group through the forms and sees today's figures while typing. */
@QuarkusTest
class FleetBrowserTest extends BrowserTest {

    private BrowserContext signedIn(int width, int height) {
        return chromium.signedIn(Operators.newSignedIn("fleet-browser"), base, width, height);
    }

    /**
     * Playwright's default caret hiding leaves style="" on every input; htmx copies it while settling
     * a swap and the CSP (style-src 'self') refuses it. Keeping the caret leaves the page untouched.
     */
    private static Page.ScreenshotOptions screenshot(String name) {
        return new Page.ScreenshotOptions().setPath(Chromium.screenshot(name)).setFullPage(true)
                .setCaret(ScreenshotCaret.INITIAL);
    }

    @Test
    void addsASiteAndARigGroupAndSeesThePreview() {
        try (BrowserContext context = signedIn(1280, 900)) {
            Page page = context.newPage();
            List<String> consoleErrors = Chromium.problems(page);
            page.navigate(base + "sites");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a site").setExact(true)).click();

            // Time of use shows the band rows (htmx re-renders the fields); the week grid appears once the week is covered.
            page.getByLabel("Time of use: prices by weekday and hour").check();
            assertThat(page.getByLabel("Band 1: days")).isVisible();
            assertThat(page.getByLabel("Price of electricity (USD/kWh)")).isHidden();
            page.getByLabel("Band 1: price in USD/kWh").fill("0.03");
            page.getByLabel("Band 2: price in USD/kWh").fill("0.08");
            page.getByLabel("Band 3: price in USD/kWh").fill("0.04");
            page.getByLabel("Band 1: days").focus();
            assertThat(page.locator("table.week-grid caption")).containsText("0.0300 USD/kWh (lightest) to 0.0800 USD/kWh (darkest)");
            page.screenshot(screenshot("site-time-of-use"));
            page.getByLabel("Flat: one price for every hour").check();
            assertThat(page.getByLabel("Price of electricity (USD/kWh)")).isVisible();

            page.getByLabel("Name").fill("North yard");
            page.getByLabel("Price of electricity (USD/kWh)").fill("0.05");
            page.getByLabel("Pool fee (%)").fill("250");
            // Inline validation: the message appears beside the field as soon as it is left.
            page.getByLabel("Uptime (%)").focus();
            assertThat(page.locator("#poolFeePercent-error")).containsText("0 to 100 %");
            page.getByLabel("Pool fee (%)").fill("2");
            page.getByLabel("Hosting fee (per month)").fill("500");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add site")).click();

            assertThat(page).hasURL(Pattern.compile(".*/sites$"));
            assertThat(page.locator(".flash-success")).containsText("North yard");
            assertThat(page.locator("table.data")).containsText("Flat, 0.0500 USD/kWh");

            page.navigate(base + "rigs");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a rig group")).click();
            assertThat(page.locator("#preview")).containsText("Enter units");
            page.getByLabel("Model").selectOption(new SelectOption().setLabel("Bitmain Antminer S21 (200 TH/s, 3,500 W)"));
            // The catalog fills in the nameplate figures (htmx, no inline script).
            assertThat(page.getByLabel("Hashrate per unit (TH/s)")).hasValue("200");
            assertThat(page.getByLabel("Power per unit (W)")).hasValue("3500");
            page.getByLabel("Units").fill("40");
            page.getByLabel("Units").press("Tab");

            // The preview recomputes while typing.
            assertThat(page.locator("#preview-revenue")).containsText("USD / day");
            assertThat(page.locator("#preview-power")).containsText("168.00 USD / day"); // 40 * 3.5 kW * 24 h * 0.05
            assertThat(page.locator("#preview-shutdown")).containsText("USD / BTC");
            assertThat(page.locator("#preview-profit")).containsText("USD / day");
            page.screenshot(screenshot("rig-preview"));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rig group")).click();
            assertThat(page).hasURL(Pattern.compile(".*/rigs$"));
            assertThat(page.locator(".flash-success")).containsText("Added 40 × Bitmain Antminer S21 at North yard");
            assertThat(page.locator("table.data tfoot")).containsText("8.00 PH/s");
            assertThat(page.locator("table.data tfoot")).containsText("140.0 kW");
            assertThat(page.locator("table.data tfoot")).containsText("17.5 J/TH");
            page.screenshot(screenshot("rigs"));
            assertEquals(List.of(), consoleErrors, "no script or CSP errors");
        }
    }

    /**
     * Choosing a catalog model and typing the units, as a person does, raises no Content-Security-Policy
     * report and no console error: every violation the page sees is collected by a listener installed
     * before the page's own scripts run.
     */
    @Test
    void choosingAModelAndTypingUnitsRaisesNoCspViolation() {
        Operators.Session session = Operators.newSignedIn("fleet-csp");
        FleetApiTest.createSite(session, FleetApiTest.FLAT_SITE);
        try (BrowserContext context = chromium.signedIn(session, base, 1280, 900)) {
            context.addInitScript("window.__csp = []; document.addEventListener('securitypolicyviolation', e => "
                    + "window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));");
            Page page = context.newPage();
            List<String> problems = Chromium.problems(page);
            page.navigate(base + "rigs");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a rig group")).click();
            assertThat(page.locator("#preview")).containsText("Enter units");
            try {
                page.getByLabel("Model").selectOption(new SelectOption().setLabel("Bitmain Antminer S21 (200 TH/s, 3,500 W)"));
                assertThat(page.getByLabel("Hashrate per unit (TH/s)")).hasValue("200");
                page.getByLabel("Units").click();
                page.getByLabel("Units").press("Control+A");
                page.getByLabel("Units").pressSequentially("40", new Locator.PressSequentiallyOptions().setDelay(120));
                page.getByLabel("Power per unit (W)").click();
                assertThat(page.locator("#preview-power")).containsText("USD / day");
                page.getByLabel("Units").click();
                page.getByLabel("Units").press("End");
                page.getByLabel("Units").pressSequentially("0", new Locator.PressSequentiallyOptions().setDelay(120));
                page.getByLabel("Hashrate per unit (TH/s)").click();
                assertThat(page.locator("#preview")).containsText("77.60 PH/s");
                page.waitForTimeout(600);
                page.screenshot(screenshot("rig-typed"));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nconsole: " + problems + "\nCSP: "
                        + page.evaluate("() => window.__csp"), e);
            }
            Object reports = page.evaluate("() => window.__csp");
            assertEquals(List.of(), reports, "Content-Security-Policy reports");
            assertEquals(List.of(), problems, "console errors");
        }
    }

    /**
     * A person who chooses a catalog model and types the units straight away, before the model's figures
     * have come back, still gets them filled in and can save. The fill answer is held back a moment (as on
     * a slow connection) so that the preview, which starts 400 ms after typing, is sent while it is in flight.
     */
    @Test
    void typingTheUnitsRightAfterChoosingAModelKeepsTheModelsFigures() {
        Operators.Session session = Operators.newSignedIn("fleet-fast-typing");
        FleetApiTest.createSite(session, FleetApiTest.FLAT_SITE);
        try (BrowserContext context = chromium.signedIn(session, base, 1280, 900)) {
            Page page = context.newPage();
            page.navigate(base + "rigs/new");
            assertThat(page.locator("#preview")).containsText("Enter units");
            List<Route> held = new ArrayList<>();
            page.route("**/rigs/validate", held::add);
            page.getByLabel("Model").selectOption(new SelectOption().setLabel("Bitmain Antminer S21 (200 TH/s, 3,500 W)"));
            page.getByLabel("Units").press("Control+A");
            page.getByLabel("Units").pressSequentially("40", new Locator.PressSequentiallyOptions().setDelay(50));
            // The preview goes out 400 ms after the last key, while the model's figures are still on their way.
            page.waitForResponse(r -> r.url().endsWith("/rigs/preview"), () -> {
            });
            page.unroute("**/rigs/validate");
            assertEquals(1, held.size(), "one request for the model's figures");
            for (Route r : held) {
                try {
                    r.resume();
                } catch (PlaywrightException e) {
                    // the page gave up on the request: the assertions below say what that did
                }
            }
            assertThat(page.getByLabel("Hashrate per unit (TH/s)")).hasValue("200");
            assertThat(page.getByLabel("Power per unit (W)")).hasValue("3500");
            assertThat(page.getByLabel("Units")).hasValue("40");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rig group")).click();
            assertThat(page).hasURL(Pattern.compile(".*/rigs$"));
            assertThat(page.locator(".flash-success")).containsText("Added 40 × Bitmain Antminer S21");
        }
    }

    @Test
    void theRigFormReadsWellOnAPhone() {
        try (BrowserContext context = signedIn(375, 740)) {
            Page page = context.newPage();
            page.navigate(base + "rigs/new");
            Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
            assertTrue(((Number) scrollWidth).intValue() <= 375,
                    "page is " + scrollWidth + " px wide on a 375 px screen");
        }
    }
}
