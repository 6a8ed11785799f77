package org.pharmakg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer as a person uses it: the real pages in headless Chromium (Debian's chromium and
 * chromium-driver) against the real server on the seed store with the deal fixture. A screenshot of each page goes to
 * {@code target/screenshots/}. Without chromium the tests fail and say how to install it.
 */
class ExplorerBrowserTest {
    @TempDir static Path dir;
    static SeedServer seed;
    static Chromium chromium;
    static WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        seed = SeedServer.start(dir, true);   // the seeds and the deal fixture
        chromium = Chromium.start(dir.resolve("chromium-profile"));
        driver = chromium.driver;
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null) chromium.close();
        } finally {
            if (seed != null) seed.close();
        }
    }

    private static WebDriverWait waiting() { return chromium.waiting(); }

    private static Object js(String script) { return chromium.js(script); }

    private static void screenshot(String name) throws Exception { chromium.screenshot(name); }

    private static void noErrorShown() {
        List<WebElement> errors = driver.findElements(By.cssSelector(".error"));
        assertTrue(errors.isEmpty(), () -> "the page shows an error: " + errors.get(0).getText());
    }

    @Test
    void searchFindsKadcylaAndOpensTrastuzumabEmtansineWithEvidence() throws Exception {
        driver.get(seed.url("/explore/"));
        WebElement q = waiting().until(ExpectedConditions.elementToBeClickable(By.id("q")));
        q.sendKeys("Kadcyla", Keys.ENTER);
        waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("trastuzumab emtansine")));
        // the result list may re-render while typing settles: find and click in one step, retrying on staleness
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("results")).getText().contains("Kadcyla"));
        screenshot("1-search");

        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.linkText("trastuzumab emtansine")).click();
            return true;
        });
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#facts ol.evidence li")));
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                d.findElement(By.tagName("h1")).getText().replace("Compound", "").strip().equals("trastuzumab emtansine"));
        List<WebElement> evidence = driver.findElements(By.cssSelector("#facts ol.evidence li"));
        assertFalse(evidence.isEmpty());
        assertFalse(evidence.get(0).findElement(By.tagName("blockquote")).getText().isBlank());
        assertTrue(driver.findElement(By.cssSelector(".facts-meta")).getText().contains("T-DM1"));
        noErrorShown();
        screenshot("2-entity");

        // the source release, highlighted at the evidence offsets
        WebElement source = evidence.get(0).findElement(By.cssSelector(".meta a"));
        String sentence = evidence.get(0).findElement(By.tagName("blockquote")).getText();
        source.click();
        WebElement mark = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("mark#evidence")));
        assertFalse(mark.getText().isBlank());
        assertTrue(sentence.replaceAll("\\s+", " ").contains(mark.getText().replaceAll("\\s+", " ")),
                mark.getText() + " is not in " + sentence);
        noErrorShown();
        screenshot("3-document");
    }

    /** Types a name into a search box and takes the first suggestion. */
    static void pick(WebDriver driver, String inputId, String text) {
        WebElement q = new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.id(inputId)));
        q.clear();
        q.sendKeys(text);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.suggest li[role=option]")));
        q.sendKeys(Keys.ENTER);
    }

    @Test
    void partnerNetworkOpensOnTheOverviewAndFocusesACompanyFoundBySearch() throws Exception {
        driver.get(seed.url("/explore/partners.html"));
        waiting().until(d -> "overview".equals(js("return window.pkgNetwork ? window.pkgNetwork.mode : null")));
        long nodes = ((Number) js("return window.pkgNetwork.nodes")).longValue();
        assertTrue(nodes > 5 && nodes <= seed.companies(), nodes + " of " + seed.companies());
        assertFalse(driver.findElements(By.cssSelector("#graph canvas")).isEmpty(), "cytoscape drew on a canvas");
        assertTrue(driver.findElement(By.id("summary")).getText().contains("communities"), driver.findElement(By.id("summary")).getText());
        noErrorShown();
        screenshot("4-partners");

        pick(driver, "q", "ImmunoGen");
        waiting().until(d -> "focus".equals(js("return window.pkgNetwork.mode")));
        assertTrue(driver.getCurrentUrl().contains("focus=https"), driver.getCurrentUrl());
        assertEquals(0L, ((Number) js("return window.pkgNetwork.overlaps")).longValue(), "labels overlap");
        waiting().until(d -> js("return window.pkgTimeline ? window.pkgTimeline.rows : null") != null);
        assertTrue(((Number) js("return window.pkgTimeline.rows")).intValue() > 0);
        screenshot("4b-partners-focus");
    }

    @Test
    void compoundNetworkShowsAllFourKindsOfNodeAroundACompound() throws Exception {
        driver.get(seed.url("/explore/compounds.html"));
        waiting().until(d -> "overview".equals(js("return window.pkgNetwork ? window.pkgNetwork.mode : null")));
        pick(driver, "q", "trastuzumab emtansine");
        waiting().until(d -> "focus".equals(js("return window.pkgNetwork.mode")));
        List<?> types = (List<?>) js("return window.pkgNetwork.types");
        assertTrue(types.containsAll(List.of("Company", "Compound", "Target", "Indication")), types.toString());
        noErrorShown();
        screenshot("5-compounds");
    }

    @Test
    void pipelineTableFiltersAndSorts() throws Exception {
        driver.get(seed.url("/explore/pipeline.html"));
        waiting().until(d -> js("return window.pkgPipeline ? window.pkgPipeline.rows : null") != null);
        long total = ((Number) js("return window.pkgPipeline.total")).longValue();
        assertEquals(Math.min(total, 25), driver.findElements(By.cssSelector("#pipeline tbody tr")).size());
        assertFalse(driver.findElements(By.cssSelector("#timeline svg circle")).isEmpty(), "the timeline has points");
        screenshot("6-pipeline");
        js("document.getElementById('timeline').scrollIntoView({block: 'center'})");
        screenshot("6b-pipeline-timeline");
        js("window.scrollTo(0, 0)");

        pick(driver, "f-target", "HER2");
        waiting().until(d -> driver.getCurrentUrl().contains("target="));
        waiting().until(d -> ((Number) js("return window.pkgPipeline.total")).longValue() < total);
        waiting().until(d -> String.valueOf(js("return [...document.querySelectorAll('#pipeline tbody tr')].map(r => r.textContent).join('|')"))
                .contains("trastuzumab emtansine"));
        driver.findElement(By.id("reset")).click();
        waiting().until(d -> ((Number) js("return window.pkgPipeline.total")).longValue() == total);

        driver.findElement(By.cssSelector("th[data-key=phase]")).click();   // furthest first
        waiting().until(d -> driver.getCurrentUrl().contains("sort=phase"));
        // read in the page in one step: the table may be drawn again between finding a cell and reading it
        waiting().until(d -> String.valueOf(js("const c = document.querySelector('#pipeline tbody tr td:nth-child(5)');"
                + " return c ? c.textContent : ''")).startsWith("Approved"));
        noErrorShown();
    }

    @Test
    void sparqlPageRunsPartnersQueryAndShowsRows() throws Exception {
        driver.get(seed.url("/explore/sparql.html"));
        WebElement partners = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#queries li[data-name=partners]")));
        partners.click();
        String text = driver.findElement(By.id("query")).getAttribute("value");
        assertTrue(text.contains("kg:partnerOf"), "the editor holds partners.rq");
        driver.findElement(By.id("run")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result-table tbody tr")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#result-table tbody tr"));
        assertTrue(rows.size() > 0);
        assertTrue(driver.findElement(By.cssSelector("#result-table thead")).getText().contains("companyName"));
        assertTrue(driver.findElement(By.id("csv")).isEnabled(), "CSV download is offered");
        noErrorShown();
        js("document.querySelector('.results-bar').scrollIntoView({block: 'start'})");
        screenshot("7-sparql");
    }

    private static Number number(String script) { return (Number) js(script); }

    /** Deals in the store matching a pattern on ?d (the fixture's, and those the extractor finds in the seeds). */
    private static long deals(String where) {
        return seed.count("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Deal . " + where + " }");
    }

    private static long maxUpfront(String where) {
        return seed.count("SELECT (<http://www.w3.org/2001/XMLSchema#integer>(MAX(?a)) AS ?n) WHERE { ?d a kg:Deal ; kg:upfront ?m . ?m kg:amount ?a . " + where + " }");
    }

    @Test
    void dealsPageFiltersSortsPagesAndLinksEveryTermToItsSentence() throws Exception {
        driver.get(seed.url("/explore/deals.html"));
        waiting().until(d -> js("return window.pkgDeals ? window.pkgDeals.total : null") != null);
        // the fixture's ten deals, and those the extractor finds in the seeds
        int all = (int) deals("");
        assertEquals(all, number("return window.pkgDeals.total").intValue());
        assertEquals(Math.min(all, 25), driver.findElements(By.cssSelector("#deals tbody tr")).size());
        assertTrue(driver.findElement(By.cssSelector("header.top nav")).getText().contains("Deals"), "the nav links the deals page");

        // filter by kind: the server answers, the URL keeps it
        new Select(driver.findElement(By.id("f-kind"))).selectByVisibleText("licence");
        int licences = (int) deals("?d kg:dealKind kg:Licence");
        waiting().until(d -> number("return window.pkgDeals.total").intValue() == licences);
        assertEquals(List.of("licence"), ((List<?>) js("return [...new Set(window.pkgDeals.kinds)]")));
        assertTrue(driver.getCurrentUrl().contains("kind=licence"), driver.getCurrentUrl());

        // sort by upfront, largest first
        driver.findElement(By.cssSelector("th[data-key=upfront]")).click();
        waiting().until(d -> "upfront".equals(js("return window.pkgDeals.sort")));
        long largestLicence = maxUpfront("?d kg:dealKind kg:Licence");
        assertEquals(largestLicence, number("return window.pkgDeals.upfronts[0]").longValue());
        assertTrue(driver.getCurrentUrl().contains("sort=upfront"), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.cssSelector("#deals tbody tr:first-child td:nth-child(5)")).getText().matches("\\S+\\d[KMB]?"),
                "money as people write it, e.g. $20M");

        // every kind again, sorted by upfront: the screenshot
        new Select(driver.findElement(By.id("f-kind"))).selectByVisibleText("any");
        waiting().until(d -> number("return window.pkgDeals.total").intValue() == all);
        assertEquals(maxUpfront(""), number("return window.pkgDeals.upfronts[0]").longValue());
        assertEquals(0L, number("return document.querySelectorAll('#deals tbody b, #deals tbody script').length").longValue(),
                "release text is shown as text, never as markup");
        noErrorShown();
        screenshot("deals");

        // a term to its sentence: the first row's upfront, highlighted in its release
        WebElement upfront = driver.findElement(By.cssSelector("#deals tbody tr:first-child td:nth-child(5) a.term"));
        String title = upfront.getAttribute("title");
        upfront.click();
        WebElement mark = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("mark#evidence")));
        assertFalse(mark.getText().isBlank());
        assertTrue(title.replaceAll("\\s+", " ").contains(mark.getText().replaceAll("\\s+", " ")), mark.getText() + " is not in " + title);
        noErrorShown();
        screenshot("deals-evidence");

        // a bookmarked filter opens as it was left, with its page cut said
        driver.get(seed.url("/explore/deals.html?kind=option&sort=date&dir=asc"));
        waiting().until(d -> js("return window.pkgDeals ? window.pkgDeals.total : null") != null);
        assertEquals(deals("?d kg:dealKind kg:Option"), number("return window.pkgDeals.total").intValue());
        assertEquals("option", new Select(driver.findElement(By.id("f-kind"))).getFirstSelectedOption().getText());
        String firstDate = driver.findElement(By.cssSelector("#deals tbody tr:first-child td:first-child")).getText();
        String lastDate = driver.findElement(By.cssSelector("#deals tbody tr:last-child td:first-child")).getText();
        assertTrue(firstDate.compareTo(lastDate) <= 0, "oldest first: " + firstDate + " " + lastDate);
        driver.get(seed.url("/explore/deals.html?min=10&cur=USD"));
        waiting().until(d -> js("return window.pkgDeals ? window.pkgDeals.total : null") != null);
        assertEquals(deals("?d kg:upfront ?m . ?m kg:currency \"USD\" ; kg:amount ?a FILTER(?a >= 10000000)"),
                number("return window.pkgDeals.total").intValue());
    }

    @Test
    void companyAndCompoundPagesListTheirDeals() throws Exception {
        driver.get(seed.url("/explore/entity.html?iri=" + java.net.URLEncoder.encode("https://w3id.org/pharmakg/id/compound/indatuximab-ravtansine",
                java.nio.charset.StandardCharsets.UTF_8)));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#deals table tbody tr")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#deals table tbody tr"));
        assertEquals(deals("?d kg:covers <https://w3id.org/pharmakg/id/compound/indatuximab-ravtansine>"), rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.getText().contains("exercised")), rows.get(0).getText());
        assertFalse(driver.findElements(By.cssSelector("#deals a.term")).isEmpty(), "terms link to their evidence");
        noErrorShown();
        js("document.getElementById('deals').scrollIntoView({block: 'start'})");
        screenshot("deals-compound");
    }

    @Test
    void partnerNetworkShowsDealsAsLabelledEdges() throws Exception {
        driver.get(seed.url("/explore/partners.html?focus=" + java.net.URLEncoder.encode("https://w3id.org/pharmakg/id/company/immunogen",
                java.nio.charset.StandardCharsets.UTF_8) + "&depth=1"));
        waiting().until(d -> "focus".equals(js("return window.pkgNetwork ? window.pkgNetwork.mode : null")));
        assertTrue(number("return window.pkgNetwork.deals").intValue() >= deals("?d kg:party <https://w3id.org/pharmakg/id/company/immunogen>"),
                "an edge per deal of ImmunoGen at least");
        List<?> labels = (List<?>) js("return window.pkgNetwork.dealLabels");
        assertTrue(labels.contains("licence · $20M upfront"), labels.toString());
        noErrorShown();
    }

    @Test
    void partnerNetworkKeepsTheTiesAndDealsOfAYearRangeWithTheRangeInTheUrl() throws Exception {
        String focus = "?focus=" + java.net.URLEncoder.encode("https://w3id.org/pharmakg/id/company/immunogen",
                java.nio.charset.StandardCharsets.UTF_8) + "&depth=1";
        driver.get(seed.url("/explore/partners.html" + focus));
        waiting().until(d -> "focus".equals(js("return window.pkgNetwork ? window.pkgNetwork.mode : null")));
        int allEdges = number("return window.pkgNetwork.edges").intValue(), allNodes = number("return window.pkgNetwork.nodes").intValue();
        // the seeds' partnerships are first stated in 2012; from 2013 only the later deals and their parties remain
        driver.get(seed.url("/explore/partners.html" + focus + "&from=2013"));
        waiting().until(d -> "focus".equals(js("return window.pkgNetwork ? window.pkgNetwork.mode : null")));
        int edges = number("return window.pkgNetwork.edges").intValue(), nodes = number("return window.pkgNetwork.nodes").intValue();
        assertTrue(edges > 0 && edges < allEdges && nodes < allNodes, "from 2013: " + nodes + "/" + allNodes + " nodes, " + edges + "/"
                + allEdges + " links");
        assertTrue(number("return window.pkgNetwork.deals").intValue() > 0, "the deals of 2013 and later remain");
        assertEquals("2013", driver.findElement(By.id("from")).getAttribute("value"));
        assertTrue(driver.getCurrentUrl().contains("from=2013"), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.id("years-note")).getText().contains("hidden"));
        noErrorShown();
    }
}
