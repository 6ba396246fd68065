package io.homeshield.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * Chromium driven by Playwright for browser tests inside a {@code @QuarkusTest}: one browser per
 * test class ({@link #launch()} in {@code @BeforeAll}, {@link #close()} in {@code @AfterAll}), a
 * fresh context (cookies, storage) per person. Signs in through the development OIDC server's
 * login page, saves screenshots under {@code target/screenshots} (the README's under
 * {@code docs/screenshots}) and runs axe-core on a page.
 */
public final class BrowserSession implements AutoCloseable {

    /** Debian's Chromium; Playwright never downloads a browser here. */
    private static final Path CHROMIUM = Paths.get(System.getProperty("homeshield.chromium", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    /** The README's pictures, rewritten only when {@code homeshield.screenshots.docs=true}. */
    private static final Path README_PICTURES = Paths.get("docs", "screenshots");
    /** Shipped with the frontend's dev dependencies (frontend/package.json). */
    private static final Path AXE = Paths.get("frontend", "node_modules", "axe-core", "axe.min.js");

    private final Playwright playwright;
    private final Browser browser;

    private BrowserSession(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static BrowserSession launch() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
        return new BrowserSession(playwright, browser);
    }

    /** A new browser window with its own cookies, as wide as a desktop unless a width is given. */
    public Page newPage(int width, int height, String acceptLanguage) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale(acceptLanguage));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** A new browser window whose clock runs in {@code timeZone} (an IANA name), as a person's elsewhere would. */
    public BrowserContext newContext(int width, int height, String acceptLanguage, String timeZone) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale(acceptLanguage).setTimezoneId(timeZone));
        context.setDefaultTimeout(15_000);
        return context;
    }

    public Page newPage() {
        return newPage(1280, 900, "en-GB");
    }

    /**
     * Opens {@code path} of the site, which sends a signed-out browser to the identity server's
     * login page, and signs in there as {@code user}: a configured user by their button, anyone
     * else through the custom-user form with {@code roles}.
     */
    public static void signIn(Page page, URL site, String path, String user, String roles, boolean configuredUser) {
        page.navigate(site.toString().replaceAll("/$", "") + path);
        if (configuredUser) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(user).setExact(true)).click();
        } else {
            page.locator("summary.custom-link").click();
            page.locator("form.custom-form input[name=name]").fill(user);
            page.locator("form.custom-form input[name=roles]").fill(roles);
            page.locator("form.custom-form button").click();
        }
        page.waitForURL(Pattern.compile(Pattern.quote(site.getHost()) + ":" + site.getPort() + ".*"));
    }

    /** Saves a full-page screenshot as target/screenshots/{name}.png for review. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * A picture for the README: the visible window (as a person sees it first) saved under
     * target/screenshots, and into docs/screenshots when {@code homeshield.screenshots.docs} is true.
     */
    public static Path readmePicture(Page page, String name) {
        Path file = (Boolean.getBoolean("homeshield.screenshots.docs") ? README_PICTURES : SCREENSHOTS)
                .resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }

    /** The rules axe-core finds broken on the page with a serious or critical impact, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousAccessibilityViolations(Page page) {
        // evaluated through the DevTools protocol, so the page's Content-Security-Policy stays in force
        page.evaluate(axeSource());
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact,
                        targets: v.nodes.map(n => n.target.join(' ')).join(', ') }))
                """);
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            lines.add(v.get("impact") + " " + v.get("id") + ": " + v.get("targets"));
        }
        return lines;
    }

    /** Fails, naming each problem, when axe-core finds serious or critical accessibility problems on the page. */
    public static void assertAccessible(Page page, String what) {
        List<String> violations = seriousAccessibilityViolations(page);
        if (!violations.isEmpty()) {
            throw new AssertionError(what + " has serious accessibility problems: " + violations);
        }
    }

    private static String axeSource() {
        try {
            return Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed with the frontend's dependencies (npm install)", e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
