package org.pharmakg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The explorer at the size of an analyst's desk: at least 2,000 distinct releases (the seed build copied with
 * renamed entities by the benchmark's QueryStore, see {@link SeedServer#desk}) served by the real server, driven in
 * headless Chromium. Each view opens, finds a company by search, expands a node or pages a table; a screenshot of
 * each goes to {@code target/screenshots/desk-*.png}. A release whose names hold {@code <script>} and
 * {@code <img onerror>} shows them as text on every page.
 */
class ExplorerDeskTest {
    static final int RELEASES = 2_000;

    @TempDir static Path dir;
    static SeedServer desk;
    static Chromium chromium;
    static WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        desk = SeedServer.desk(dir, RELEASES);
        chromium = Chromium.start(dir.resolve("chromium-profile"));
        driver = chromium.driver;
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null) chromium.close();
        } finally {
            if (desk != null) desk.close();
        }
    }

    private static Object js(String script) { return chromium.js(script); }

    private static long number(String script) { return ((Number) js(script)).longValue(); }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static void noErrorShown() {
        List<WebElement> errors = driver.findElements(By.cssSelector(".error"));
        assertTrue(errors.isEmpty(), () -> "the page shows an error: " + errors.get(0).getText());
        assertEquals(List.of(), js("return window.pkgCspViolations"), "the Content-Security-Policy blocked something");
    }

    /** Taps (as a click would) a node with links not shown, and waits for the network to grow past {@code before} nodes. */
    private static void expandANode(long before) {
        String node = (String) js("return window.pkgNetwork.expandable[0] || null");
        assertTrue(node != null, "a node has hidden neighbours");
        chromium.js("window.pkgCy.getElementById(arguments[0]).emit('tap')", node);
        chromium.waiting().until(d -> number("return window.pkgNetwork.nodes") > before);
        noErrorShown();
    }

    @Test
    void theDeskHoldsTwoThousandDistinctReleasesAndThousandsOfCompanies() {
        assertTrue(desk.count("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:PressRelease }") >= RELEASES);
        assertTrue(desk.companies() >= 1_000, desk.companies() + " companies");
    }

    @Test
    void partnerNetworkOverviewThenACompanyBySearchThenExpandsANode() throws Exception {
        chromium.openReady(desk.url("/explore/partners.html?depth=1"));
        assertEquals("overview", js("return window.pkgNetwork.mode"));
        long overview = number("return window.pkgNetwork.nodes");
        assertTrue(overview > 50 && overview <= Overview.MAX_NODES, overview + " nodes");
        assertTrue(number("return window.pkgNetwork.labelled") <= 25, "labels only on the nodes that matter");
        assertEquals(0, number("return window.pkgNetwork.overlaps"), "labels overlap at the default zoom");
        noErrorShown();
        chromium.screenshot("desk-partners-overview");

        ExplorerBrowserTest.pick(driver, "q", "ImmunoGen");
        chromium.waiting().until(d -> "focus".equals(js("return window.pkgNetwork.mode")));
        assertTrue(driver.getCurrentUrl().contains("focus="), driver.getCurrentUrl());
        assertEquals(0, number("return window.pkgNetwork.overlaps"), "labels overlap at the default zoom");
        long before = number("return window.pkgNetwork.nodes");
        chromium.waiting().until(d -> js("return window.pkgTimeline ? window.pkgTimeline.rows : null") != null);
        assertTrue(number("return window.pkgTimeline.rows") > 0, "the partnership timeline has rows");
        chromium.screenshot("desk-partners-focus");
        js("document.getElementById('timeline-section').scrollIntoView({block: 'start'})");
        chromium.screenshot("desk-partners-timeline");
        js("window.scrollTo(0, 0)");

        expandANode(before);
        chromium.screenshot("desk-partners-expanded");
    }

    @Test
    void compoundNetworkFocusesATargetFoundBySearchAndExpandsANode() throws Exception {
        chromium.openReady(desk.url("/explore/compounds.html"));
        assertEquals("overview", js("return window.pkgNetwork.mode"));
        chromium.screenshot("desk-compounds-overview");
        ExplorerBrowserTest.pick(driver, "q", "HER2");
        chromium.waiting().until(d -> "focus".equals(js("return window.pkgNetwork.mode")));
        long before = number("return window.pkgNetwork.nodes");
        assertTrue(before > 1 && before <= FocusNetwork.MAX_NODES);
        assertEquals(0, number("return window.pkgNetwork.overlaps"), "labels overlap at the default zoom");
        chromium.screenshot("desk-compounds-focus");
        expandANode(before);
        chromium.screenshot("desk-compounds-expanded");
    }

    @Test
    void pipelinePagesSortsAndFiltersOnTheServerWithTheFiltersInTheUrl() throws Exception {
        chromium.openReady(desk.url("/explore/pipeline.html"));
        long total = number("return window.pkgPipeline.total");
        assertTrue(total >= 1_000, total + " compounds");
        assertEquals(25, driver.findElements(By.cssSelector("#pipeline tbody tr")).size());
        driver.findElement(By.id("next")).click();
        chromium.waiting().until(d -> number("return window.pkgPipeline.offset") == 25);
        assertTrue(driver.getCurrentUrl().contains("offset=25"), driver.getCurrentUrl());
        driver.findElement(By.cssSelector("th[data-key=phase]")).click();
        chromium.waiting().until(d -> driver.getCurrentUrl().contains("sort=phase"));
        chromium.waiting().until(d -> "Approved".equals(js("return window.pkgPipeline.phases[0]")));

        ExplorerBrowserTest.pick(driver, "f-company", "ImmunoGen");
        chromium.waiting().until(d -> driver.getCurrentUrl().contains("company="));
        chromium.waiting().until(d -> number("return window.pkgPipeline.total") < total);
        assertFalse(driver.findElements(By.cssSelector("#chips .chip")).isEmpty(), "the filter shows as a chip");
        noErrorShown();
        chromium.screenshot("desk-pipeline");

        // the URL is the view: opened again, the same rows
        String url = driver.getCurrentUrl();
        Object labels = js("return window.pkgPipeline.labels");
        chromium.openReady(url);
        assertEquals(labels, js("return window.pkgPipeline.labels"));
    }

    @Test
    void landscapeOfATargetAndPipelineChartOfACompanyAreSwimLanes() throws Exception {
        chromium.openReady(desk.url("/explore/landscape.html"));
        ExplorerBrowserTest.pick(driver, "f-target", "HER2");
        chromium.waiting().until(d -> js("return window.pkgLandscape && window.pkgLandscape.cards > 0 ? 1 : null") != null);
        assertTrue(driver.getCurrentUrl().contains("target="), driver.getCurrentUrl());
        List<?> lanes = (List<?>) js("return window.pkgLandscape.lanes");
        assertTrue(lanes.contains("Approved") && lanes.contains("Preclinical"), lanes.toString());
        assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Competitive landscape: HER2"));
        noErrorShown();
        chromium.screenshot("desk-landscape-target");

        chromium.openReady(desk.url("/explore/landscape.html"));
        ExplorerBrowserTest.pick(driver, "f-company", "ImmunoGen");
        chromium.waiting().until(d -> js("return window.pkgLandscape && window.pkgLandscape.cards > 0 ? 1 : null") != null);
        assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Pipeline chart: ImmunoGen"));
        noErrorShown();
        chromium.screenshot("desk-landscape-company");
    }

    @Test
    void dealsAndSearchPageOnTheDesk() throws Exception {
        chromium.openReady(desk.url("/explore/deals.html"));
        assertTrue(number("return window.pkgDeals.total") > 25);
        driver.findElement(By.id("next")).click();
        chromium.waiting().until(d -> driver.getCurrentUrl().contains("page=2"));
        noErrorShown();
        chromium.screenshot("desk-deals");
        chromium.openReady(desk.url("/explore/index.html?q=" + enc("Bayer")));
        assertFalse(driver.findElements(By.cssSelector("#results li")).isEmpty());
        chromium.screenshot("desk-search");
    }

    /** Every page that shows the hostile release's names, and a name it must show as text. */
    @Test
    void markupInAReleaseIsShownAsTextOnEveryPage() throws Exception {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("/explore/index.html?q=" + enc("evil <script>"), HostileRelease.EVIL);
        pages.put("/explore/index.html?q=" + enc("<img src=x"), HostileRelease.IMG);
        pages.put("/explore/entity.html?iri=" + enc(HostileRelease.EVIL_IRI), HostileRelease.IMG);
        pages.put("/explore/entity.html?iri=" + enc(HostileRelease.COMPOUND_IRI), "evilmab <svg onload=alert(1)>");
        pages.put("/explore/document.html?iri=" + enc(HostileRelease.DOCUMENT_IRI), HostileRelease.EVIL);
        pages.put("/explore/partners.html?focus=" + enc(HostileRelease.EVIL_IRI), HostileRelease.EVIL);
        pages.put("/explore/compounds.html?focus=" + enc(HostileRelease.COMPOUND_IRI), "evilmab <svg onload=alert(1)>");
        pages.put("/explore/pipeline.html?company=" + enc(HostileRelease.EVIL_IRI), HostileRelease.EVIL);
        pages.put("/explore/landscape.html?company=" + enc(HostileRelease.EVIL_IRI), HostileRelease.EVIL);
        pages.put("/explore/landscape.html?target=" + enc(HostileRelease.TARGET_IRI), "EVL1 <img src=x onerror=alert(2)>");
        pages.put("/explore/deals.html?entity=" + enc(HostileRelease.EVIL_IRI), HostileRelease.IMG);
        for (var p : pages.entrySet()) {
            chromium.openReady(desk.url(p.getKey()));
            // the network pages draw names on a canvas; their side panel and the page data carry them as text
            chromium.waiting().until(d -> ((String) js("return document.body.innerText")).contains(p.getValue())
                    || Boolean.TRUE.equals(chromium.js("return !!(window.pkgNetwork && window.pkgNetwork.labels.includes(arguments[0]))", p.getValue())));
            try {
                String alert = driver.switchTo().alert().getText();
                throw new AssertionError(p.getKey() + " ran a script: alert " + alert);
            } catch (NoAlertPresentException expected) {
                // no script ran
            }
            assertEquals(0, number("return document.querySelectorAll('main img, main svg[onload], main [onerror], main script').length"),
                    p.getKey() + ": release text became markup");
            assertEquals(List.of(), js("return window.pkgCspViolations"), p.getKey());
        }
        chromium.openReady(desk.url("/explore/entity.html?iri=" + enc(HostileRelease.EVIL_IRI)));
        chromium.screenshot("desk-hostile-entity");
    }

    @Test
    void pagesSendAContentSecurityPolicyWithoutInlineScriptOrStyle() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String page : List.of("/explore/partners.html", "/explore/pipeline.html", "/explore/landscape.html", "/")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(java.net.URI.create(desk.url(page))).build(), HttpResponse.BodyHandlers.ofString());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), page + ": " + csp);
            assertFalse(r.body().contains("<script>") || r.body().contains("<style") || r.body().contains(" style="), page + " has inline script or style");
        }
    }

    @Test
    void everyExplorerAnswerIsBoundedAndSaysWhenItWasCut() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String hub = "https://w3id.org/pharmakg/id/company/immunogen";
        for (String api : List.of("/api/overview?view=partners", "/api/overview?view=compounds", "/api/neighbourhood?depth=2&iri=" + enc(hub),
                "/api/pipeline", "/api/partnerships?company=" + enc(hub), "/api/search?q=a", "/api/entity?iri=" + enc(hub),
                "/api/partner-network", "/api/compound-network", "/api/deals")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(java.net.URI.create(desk.url(api))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), api + " " + r.body());
            assertTrue(r.body().length() < ExplorerApi.MAX_BYTES, api);
            assertTrue(r.body().contains("\"truncated\":") || r.body().contains("\"more\":"), api + " does not say whether it was cut");
        }
    }
}
