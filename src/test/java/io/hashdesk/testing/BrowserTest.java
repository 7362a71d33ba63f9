package io.hashdesk.testing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;

/** A @QuarkusTest class driving Chromium: one browser for the class, and the app's address. */
public abstract class BrowserTest {

    protected static Chromium chromium;

    @TestHTTPResource("/")
    protected URL base;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    /** Signs in through the sign-in form, as a person does; the dashboard follows. */
    protected void signIn(Page page, Operators.Session s) {
        page.navigate(base + "login");
        page.getByLabel("Email").fill(s.email());
        page.getByLabel("Password").fill(Operators.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*/dashboard$"));
    }
}
