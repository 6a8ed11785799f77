package org.pharmakg.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Takes the release out of a saved web page: drops the page furniture (navigation, cookie banners,
 * share buttons, related links, footers) and keeps the block of the page that holds the most text
 * and the fewest links; headline, date and URL come from the page's own metadata where present.
 *
 * <pre>{@code
 * SourceText s = HtmlPage.extract(Path.of("release.html"), html);
 * s.headline();    // og:title, else the first <h1>, else <title> without its " | Site" suffix
 * s.published();   // article:published_time, JSON-LD datePublished, <time datetime>, or null
 * s.text();        // headline, then the release's paragraphs separated by blank lines
 * }</pre>
 *
 * The main block is found by text density: each paragraph-like block with enough text and few links
 * (link text under a third of its text) gives points to its parent and, halved, to its grandparent;
 * the element with most points is the release. Inside it, blocks that are mostly links, and
 * elements whose class or id names furniture, are dropped.
 */
public final class HtmlPage {

    private static final String BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, pre, blockquote, td, th, dt, dd, div";
    private static final String FURNITURE_TAGS = "script, style, noscript, template, iframe, svg, canvas, form, button, "
            + "select, input, nav, aside, footer, header, [role=navigation], [role=banner], [role=contentinfo], "
            + "[role=complementary], [aria-hidden=true], [hidden]";
    private static final Pattern FURNITURE_NAME = Pattern.compile(
            "(?i)(?:^|[-_ ])(?:cookie|consent|gdpr|banner|share|sharing|social|nav|navbar|menu|breadcrumbs?|footer|"
                    + "header|masthead|sidebar|related|recommended|more-news|promo|advert|ads?|newsletter|subscribe|"
                    + "signup|comments?|toolbar|skip|modal|popup|tags?)(?:$|[-_ ])");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|–—»·-]\\s+[^|–—»·]{1,60}$");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{10,40})\"");
    private static final String LINE_BREAK = "\uE000";
    private static final Pattern BREAKS = Pattern.compile("[ \\t]*\uE000[ \\t\uE000]*");
    private static final Set<String> HEADING = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private HtmlPage() {
    }

    /** The release in {@code html}; the text is empty when the page has none (the caller reports it). */
    public static SourceText extract(Path file, String html) {
        Document doc = Jsoup.parse(html);
        String headline = headline(doc);
        LocalDate published = published(doc);
        String url = firstAttr(doc, "link[rel=canonical]", "href");
        if (url == null) {
            url = firstAttr(doc, "meta[property=og:url]", "content");
        }
        Element body = doc.body();
        body.select(FURNITURE_TAGS).remove();
        for (Element br : body.select("br")) {
            br.after(new TextNode(LINE_BREAK));   // a <br> stays a line break inside its paragraph
        }
        String text = BREAKS.matcher(mainText(body)).replaceAll("\n").strip();
        if (headline != null && !text.isBlank() && !startsWithHeadline(text, headline)) {
            text = headline + "\n\n" + text;
        }
        return new SourceText(text, headline, published, null, url, null, null);
    }

    private static boolean startsWithHeadline(String text, String headline) {
        int end = Math.min(text.length(), 600);
        return text.substring(0, end).replaceAll("\\s+", " ").contains(headline.replaceAll("\\s+", " "));
    }

    private static String mainText(Element body) {
        List<Element> blocks = new ArrayList<>();
        for (Element e : body.select(BLOCKS)) {
            if (!e.tagName().equals("div") || e.ownText().strip().length() >= 25) {
                blocks.add(e);
            }
        }
        Map<Element, Double> score = new IdentityHashMap<>();
        for (Element b : blocks) {
            String t = b.text();
            if (t.length() < 25 || linkDensity(b, t) > 0.33 || furniture(b)) {
                continue;
            }
            double points = 1 + Math.min(3, t.length() / 100.0) + count(t, ',');
            Element parent = HEADING.contains(b.tagName()) ? null : b.parent();
            if (parent != null) {
                score.merge(parent, points, Double::sum);
                if (parent.parent() != null) {
                    score.merge(parent.parent(), points / 2, Double::sum);
                }
            }
        }
        Element best = body;
        double top = 0;
        for (Map.Entry<Element, Double> e : score.entrySet()) {
            // a container's score weighs the links in it: a page of teasers is not the release
            double s = e.getValue() * (1 - linkDensity(e.getKey(), e.getKey().text()));
            if (s > top) {
                top = s;
                best = e.getKey();
            }
        }
        Set<Element> blockSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        blockSet.addAll(blocks);
        StringBuilder out = new StringBuilder();
        Map<Element, Boolean> emitted = new IdentityHashMap<>();
        for (Element b : blocks) {
            if (!inside(b, best) || hasEmittedAncestor(b, emitted) || furniture(b)) {
                continue;
            }
            boolean hasBlockChild = !b.select(BLOCKS).stream().skip(1).noneMatch(blockSet::contains);
            String t = b.tagName().equals("pre") ? b.wholeText().strip() : hasBlockChild ? b.ownText().strip() : b.text().strip();
            if (hasBlockChild) {
                if (!t.isEmpty() && linkDensity(b, t) <= 0.5) {
                    append(out, t);
                }
                continue;   // its block children come on their own
            }
            emitted.put(b, true);
            if (t.isEmpty() || (linkDensity(b, t) > 0.5 && t.length() < 200)) {
                continue;
            }
            append(out, t);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String t) {
        if (out.length() > 0) {
            out.append("\n\n");
        }
        out.append(t);
    }

    private static boolean inside(Element e, Element container) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasEmittedAncestor(Element e, Map<Element, Boolean> emitted) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (emitted.containsKey(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the element or one of its ancestors is named like furniture in its class or id. */
    private static boolean furniture(Element e) {
        for (Element p = e; p != null && !p.tagName().equals("body"); p = p.parent()) {
            String names = p.className() + " " + p.id();
            if (!names.isBlank() && FURNITURE_NAME.matcher(names).find()) {
                return true;
            }
        }
        return false;
    }

    private static double linkDensity(Element e, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, links / (double) text.length());
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static String headline(Document doc) {
        String og = firstAttr(doc, "meta[property=og:title]", "content");
        if (og != null) {
            return stripSuffix(og);
        }
        Element h1 = doc.selectFirst("body h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        String title = doc.title();
        return title == null || title.isBlank() ? null : stripSuffix(title.strip());
    }

    private static String stripSuffix(String title) {
        String t = title.strip().replaceAll("\\s+", " ");
        Matcher m = TITLE_SUFFIX.matcher(t);
        return m.find() && m.start() > 20 ? t.substring(0, m.start()).strip() : t;
    }

    private static LocalDate published(Document doc) {
        for (String sel : List.of("meta[property=article:published_time]", "meta[name=article:published_time]",
                "meta[itemprop=datePublished]", "meta[name=date]", "meta[name=pubdate]", "meta[name=dc.date]")) {
            LocalDate d = isoDate(firstAttr(doc, sel, "content"));
            if (d != null) {
                return d;
            }
        }
        for (Element ld : doc.select("script[type=application/ld+json]")) {
            Matcher m = LD_DATE.matcher(ld.data());
            if (m.find()) {
                LocalDate d = isoDate(m.group(1));
                if (d != null) {
                    return d;
                }
            }
        }
        return isoDate(firstAttr(doc, "time[datetime]", "datetime"));
    }

    private static LocalDate isoDate(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = ISO_DATE.matcher(s);
        if (!m.lookingAt()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(), java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstAttr(Document doc, String selector, String attr) {
        Element e = doc.selectFirst(selector);
        if (e == null) {
            return null;
        }
        String v = e.attr(attr).strip();
        return v.isEmpty() ? null : v.toLowerCase(Locale.ROOT).equals("null") ? null : v;
    }
}
