package io.memsafe.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML pages memsafe writes, loaded in a real headless Chromium from disk. */
class ReportsInABrowserTest {
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void scanReportOfTheExamplesListsEveryFindingAndShowsEachTraceStepUnderItsLine(@TempDir Path tmp) throws Exception {
        Path sarif = tmp.resolve("ex.sarif");
        Main.run("scan", "--format", "sarif", "-o", sarif.toString(), "examples");
        Path site = tmp.resolve("html");
        assertThat(Main.run("scan", "--format", "html", "-o", site.toString(), "examples")).isEqualTo(1);
        JsonNode results = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results");
        assertThat(results.size()).isPositive();

        browser.get(HeadlessChromium.url(site.resolve("index.html")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#findings tbody tr.finding"));
        List<String> listed = new ArrayList<>(), expected = new ArrayList<>();
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            listed.add(cells.get(2).getText().split(" ")[0] + "@" + cells.get(4).getText() + ":" + cells.get(5).getText());
        }
        for (JsonNode r : results) {
            expected.add(r.get("ruleId").asText() + "@" + r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()
                    + ":" + r.at("/locations/0/physicalLocation/region/startLine").asInt());
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);

        // filter by rule: only that rule's rows stay visible, and the count says so
        String rule = results.get(0).get("ruleId").asText();
        long ofRule = expected.stream().filter(e -> e.startsWith(rule + "@")).count();
        new Select(browser.findElement(By.cssSelector("select[data-filter=rule]"))).selectByValue(rule);
        assertThat(browser.findElements(By.cssSelector("#findings tbody tr.finding")).stream().filter(WebElement::isDisplayed).count()).isEqualTo(ofRule);
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(String.valueOf(ofRule));
        new Select(browser.findElement(By.cssSelector("select[data-filter=rule]"))).selectByValue("");
        // sort by line, descending on the second click
        WebElement lineHeader = browser.findElements(By.cssSelector("#findings thead th")).get(5);
        lineHeader.click();
        lineHeader.click();
        List<Integer> lines = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#findings tbody tr.finding"))) {
            lines.add(Integer.parseInt(row.findElements(By.tagName("td")).get(5).getText()));
        }
        assertThat(lines).isSortedAccordingTo((a, b) -> Integer.compare(b, a));

        // open the finding with the longest trace and check each step sits under its line
        JsonNode longest = results.get(0);
        for (JsonNode r : results) {
            if (r.at("/codeFlows/0/threadFlows/0/locations").size() > longest.at("/codeFlows/0/threadFlows/0/locations").size()) longest = r;
        }
        int line = longest.at("/locations/0/physicalLocation/region/startLine").asInt();
        browser.findElement(By.xpath("//tr[contains(@class,'finding')][td[6][text()='" + line + "']]//a")).click();
        assertThat(browser.getCurrentUrl()).contains("/f/");
        // no baseline: no state, and no dangling separator for it
        assertThat(browser.findElement(By.cssSelector("p.meta")).getText()).doesNotContain(", .");
        JsonNode steps = longest.at("/codeFlows/0/threadFlows/0/locations");
        assertThat(steps.size()).isGreaterThanOrEqualTo(2);
        for (int k = 1; k <= steps.size(); k++) {
            JsonNode step = steps.get(k - 1).get("location");
            WebElement note = browser.findElement(By.id("step-" + k));
            assertThat(note.isDisplayed()).isTrue();
            assertThat(note.getText()).contains(step.at("/message/text").asText());
            // the source row right above the note (past other notes on the same line) is the step's line
            String lineNumber = (String) js("let r = arguments[0].previousElementSibling;"
                    + "while (r && r.classList.contains('step')) r = r.previousElementSibling;"
                    + "return r.querySelector('td.ln').textContent;", note);
            assertThat(Integer.parseInt(lineNumber.trim())).isEqualTo(step.at("/physicalLocation/region/startLine").asInt());
            // and the step list links to it
            assertThat(browser.findElement(By.cssSelector("ol.steps a[href='#step-" + k + "']")).getText()).endsWith(":" + step.at("/physicalLocation/region/startLine").asInt());
        }
        String sinkLine = (String) js("return document.querySelector('tr.sink td.ln').textContent;");
        assertThat(Integer.parseInt(sinkLine.trim())).isEqualTo(line);
    }

    @Test
    void hostileSourceIsShownAsText(@TempDir Path tmp) throws Exception {
        String hostile = "</script><script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\"><b>bold</b>";
        Path src = tmp.resolve("evil.c");
        Files.writeString(src, String.join("\n",
                "/* " + hostile + " */",
                "void f(void) {",
                "    char b[2];",
                "    b[2] = 0; // " + hostile,
                "}",
                ""));
        Path site = tmp.resolve("html");
        assertThat(Main.run("scan", "--format", "html", "-o", site.toString(), src.toString())).isEqualTo(1);
        browser.get(HeadlessChromium.url(site.resolve("index.html")));
        assertThat(browser.getTitle()).doesNotContain("pwned");
        browser.get(HeadlessChromium.url(site.resolve("f/1.html")));
        assertThat(browser.getTitle()).startsWith("memsafe:").doesNotContain("pwned");
        List<WebElement> code = browser.findElements(By.cssSelector("table.source td.code"));
        assertThat(code.get(0).getText()).isEqualTo("/* " + hostile + " */");
        assertThat(code.get(3).getText()).isEqualTo("    b[2] = 0; // " + hostile);
        // no element came out of the source text
        assertThat(browser.findElements(By.cssSelector("table.source b, table.source img, table.source script"))).isEmpty();
        assertThat((Long) js("return document.scripts.length;")).isZero();
    }

    @Test
    void censusReportPageRendersInTheBrowser(@TempDir Path tmp) throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("src"));
        Files.writeString(tree.resolve("src/a.c"), "int main(void) {\n    return 0;\n}\n");
        Files.writeString(tree.resolve("src/b.rs"), "fn main() {\n    println!(\"hi\");\n}\n");
        Path page = tmp.resolve("report.html");
        assertThat(Main.run("report", tree.toString(), "-o", page.toString(), "--db", tmp.resolve("r.db").toString(), "--no-history")).isZero();
        browser.get(HeadlessChromium.url(page));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("memsafe report");
        List<String> languages = new ArrayList<>();
        for (WebElement row : browser.findElements(By.xpath("//h2[text()='Census']/following-sibling::table[1]//tr[td]"))) {
            languages.add(row.findElements(By.tagName("td")).get(0).getText());
        }
        assertThat(languages).contains("C", "Rust");
        assertThat(browser.findElement(By.xpath("//p[contains(@class,'big')]")).getText()).contains("Memory-unsafe share of code: ");
        // self-contained: nothing on the page points off the machine
        assertThat((Long) js("return performance.getEntriesByType('resource').length;")).isZero();
    }
}
