package io.hashdesk.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.hashdesk.testing.BrowserTest;
import io.hashdesk.testing.Chromium;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;

/** A new visitor registers, signs in, sees the dashboard and signs out, in a real browser. */
@QuarkusTest
class SignUpBrowserTest extends BrowserTest {

    @Test
    void newVisitorRegistersSignsInAndSignsOut() {
        String email = Operators.newEmail("browser");
        try (BrowserContext context = chromium.window(1280, 900)) {
            Page page = context.newPage();
            page.navigate(base.toString());
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("home")).setFullPage(true));
            page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Create an account")).click();

            // A mistake first: the message appears beside the field and the email stays typed.
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("too short");
            page.getByLabel("Password again").fill("too short");
            page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Create account")).click();
            assertThat(page.locator("#password-error")).containsText("at least 12 characters");
            assertThat(page.getByLabel("Email")).hasValue(email);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("register-error")).setFullPage(true));

            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Operators.PASSWORD);
            page.getByLabel("Password again").fill(Operators.PASSWORD);
            page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Create account")).click();

            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            // What happens next, whether or not a mail server is reachable: sign in now, confirm the address later.
            assertThat(page.locator(".flash-success")).containsText("your account is ready: sign in below");
            assertThat(page.locator(".flash-success")).containsText("ask for it again under Settings");
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password").fill(Operators.PASSWORD);
            page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign in")).click();

            assertThat(page).hasURL(Pattern.compile(".*/dashboard$"));
            assertThat(page.locator("h1")).hasText("Dashboard");
            assertThat(page.locator("nav[aria-label=Main]")).containsText("Projection");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("dashboard")).setFullPage(true));

            page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page.locator(".flash-info")).containsText("signed out");
            page.navigate(base + "dashboard");
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
        }
    }

    @Test
    void pagesReadWellOnAPhone() {
        try (BrowserContext context = chromium.window(375, 740)) {
            Page page = context.newPage();
            page.navigate(base + "register");
            // Nothing wider than the screen: no sideways scrolling on a phone.
            Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
            assertTrue(((Number) scrollWidth).intValue() <= 375,
                    "page is " + scrollWidth + " px wide on a 375 px screen");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("register-phone")).setFullPage(true));
        }
    }
}
