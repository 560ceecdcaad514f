package io.memsafe.census.history;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShareChartTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private static List<PeriodResult> periods() {
        return List.of(
                period("2023-01-01", 0.9, 0.95),
                period("2023-02-01", 0.8, 0.2),
                period("2023-03-01", 0.5, null), // no code added in March: no point for new code
                period("2023-04-01", 0.1, 0.0));
    }

    private static PeriodResult period(String start, Double share, Double newShare) {
        return new PeriodResult(start, start, "0123456789abcdef0123456789abcdef01234567", 1, Map.of("C", 10L), Map.of(), Map.of(), Map.of(), Map.of(),
                share, newShare, 0);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void svgDocumentIsWellFormedSvgWithTheSeriesAndTitle() throws Exception {
        String svg = ShareChart.svgDocument(periods(), "Memory-unsafe share", 900, 450);
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(Double.parseDouble(root.getAttribute("width"))).isEqualTo(900);
        assertThat(Double.parseDouble(root.getAttribute("height"))).isEqualTo(450);
        assertThat(svg).startsWith("<?xml").doesNotContain("<!DOCTYPE");
        // legend entries, title and axis labels are real text, not outlines
        assertThat(texts(doc)).contains(ShareChart.BASE_SERIES, ShareChart.NEW_SERIES, "Memory-unsafe share", "period", "0", "100");
        // each series is drawn in its own colour: the code base in red, new code in blue
        assertThat(svg).contains("rgb(192,57,43)", "rgb(41,128,185)");
    }

    @Test
    void svgElementInlinesWithoutXmlDeclaration() throws Exception {
        String svg = ShareChart.svgElement(periods(), "t", 600, 300);
        assertThat(svg).startsWith("<svg").doesNotContain("<?xml");
        assertThat(texts(parse(svg))).contains(ShareChart.BASE_SERIES, ShareChart.NEW_SERIES);
    }

    @Test
    void svgIsDeterministic() {
        assertThat(ShareChart.svgDocument(periods(), "t", 900, 450)).isEqualTo(ShareChart.svgDocument(periods(), "t", 900, 450));
    }

    @Test
    void emptyHistoryStillGivesAValidChart() throws Exception {
        assertThat(texts(parse(ShareChart.svgDocument(List.of(), "empty", 400, 200)))).contains(ShareChart.BASE_SERIES);
        assertThat(ShareChart.png(List.of(), "empty", 400, 200)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void formatFollowsTheFileExtension() throws Exception {
        assertThat(ShareChart.Format.of(Path.of("out/chart.svg"))).isEqualTo(ShareChart.Format.SVG);
        assertThat(ShareChart.Format.of(Path.of("CHART.SVG"))).isEqualTo(ShareChart.Format.SVG);
        assertThat(ShareChart.Format.of(Path.of("chart.png"))).isEqualTo(ShareChart.Format.PNG);
        assertThat(ShareChart.Format.of(Path.of("chart"))).isEqualTo(ShareChart.Format.PNG);
        assertThat(new String(ShareChart.render(periods(), "t", 300, 200, ShareChart.Format.SVG), StandardCharsets.UTF_8))
                .startsWith("<?xml");
        assertThat(ShareChart.render(periods(), "t", 300, 200, ShareChart.Format.PNG)).startsWith(0x89, 'P', 'N', 'G');
    }
}
