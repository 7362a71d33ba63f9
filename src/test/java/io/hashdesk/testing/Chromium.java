package io.hashdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;

/**
 * Debian's Chromium driven by Playwright: no browser download, and the flags that keep it from
 * reaching for the network on a machine that has none.
 */
public final class Chromium implements AutoCloseable {

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(ARGS));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    /** A fresh browser window of the given size, signed out. */
    public BrowserContext window(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    }

    /** A fresh browser window already signed in as {@code session} (its session and CSRF cookies). */
    public BrowserContext signedIn(Operators.Session session, URL base, int width, int height) {
        BrowserContext context = window(width, height);
        String url = base.toString();
        context.addCookies(List.of(new Cookie(Operators.SESSION_COOKIE, session.sessionCookie()).setUrl(url),
                new Cookie(Operators.SESSION_ID_COOKIE, session.sessionId()).setUrl(url),
                new Cookie(Operators.CSRF_COOKIE, session.csrf()).setUrl(url)));
        return context;
    }

    /**
     * The page's console errors and uncaught exceptions, collected from now on, except htmx's report of a
     * request it aborted for a newer one (hx-sync replace), which is by design, and what {@code expected}
     * accepts (say, Chromium's line for a 422 the test asked for).
     */
    public static List<String> problems(Page page, Predicate<String> expected) {
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(m -> {
            boolean abort = m.text().startsWith("htmx:sendAbort") || m.text().startsWith("htmx:afterRequest");
            boolean csp = m.text().contains("Content Security Policy");
            if (("error".equals(m.type()) || csp) && !abort && !expected.test(m.text())) {
                problems.add(m.text());
            }
        });
        page.onPageError(problems::add);
        return problems;
    }

    public static List<String> problems(Page page) {
        return problems(page, text -> false);
    }

    /** Where screenshots of the flows go, for a person to look at after the run. */
    public static Path screenshot(String name) {
        Path dir = Paths.get("target", "screenshots");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name + ".png");
    }

    private static Path executable() {
        for (String candidate : new String[] { System.getenv("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }) {
            if (candidate != null && Files.isExecutable(Paths.get(candidate))) {
                return Paths.get(candidate);
            }
        }
        throw new IllegalStateException("Chromium not found: install Debian's 'chromium' package (see .ci/run)");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
