package org.pharmakg.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads an RSS 2.0 or Atom feed (JDK XML, no DTDs or external entities) into its items: link, date,
 * title and the item's version stamp (its updated date, else its id).
 *
 * <pre>{@code
 * List<Feed.Item> items = Feed.parse("https://x/feed.xml", bytes);   // FetchException when not a feed
 * }</pre>
 */
public final class Feed {

    /** One entry of a feed. {@code stamp} changes when the entry is updated; {@code published} may be null. */
    public record Item(String link, LocalDate published, String title, String stamp) {
        public Item {
            Objects.requireNonNull(link, "link");
        }
    }

    private Feed() {
    }

    /**
     * The items of the feed in {@code bytes}, in feed order; items without a link are left out.
     *
     * @throws FetchException naming {@code where} when the bytes are not an RSS or Atom feed
     */
    public static List<Item> parse(String where, byte[] bytes) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new FetchException(where, "not an RSS or Atom feed (not XML: " + e.getMessage() + ")",
                    "check that the address is the feed, not a page or a file");
        } catch (IOException | ParserConfigurationException e) {
            throw new FetchException(where, "cannot parse the feed (" + e.getMessage() + ")", "check the feed", e);
        }
        Element root = doc.getDocumentElement();
        String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
        List<Item> items = new ArrayList<>();
        if (name.equals("rss") || name.equals("RDF")) {
            for (Element item : children(root, "item", true)) {
                String link = text(item, "link");
                String date = first(text(item, "pubDate"), text(item, "date"));
                if (link != null) items.add(new Item(link, date(date), text(item, "title"), first(date, text(item, "guid"), link)));
            }
        } else if (name.equals("feed")) {
            for (Element entry : children(root, "entry", false)) {
                String link = null;
                for (Element l : children(entry, "link", false)) {
                    String rel = l.getAttribute("rel");
                    if (rel.isEmpty() || rel.equals("alternate")) {
                        link = l.getAttribute("href").strip();
                        break;
                    }
                }
                String updated = text(entry, "updated");
                String published = first(text(entry, "published"), updated);
                if (link != null && !link.isEmpty()) {
                    items.add(new Item(link, date(published), text(entry, "title"), first(updated, text(entry, "id"), link)));
                }
            }
        } else {
            throw new FetchException(where, "not an RSS or Atom feed (its root element is <" + name + ">)",
                    "check that the address is the feed");
        }
        return List.copyOf(items);
    }

    private static List<Element> children(Element parent, String local, boolean deep) {
        List<Element> out = new ArrayList<>();
        NodeList nl = deep ? parent.getElementsByTagNameNS("*", local) : parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            Node n = nl.item(i);
            if (n instanceof Element e && local.equals(e.getLocalName() == null ? e.getNodeName() : e.getLocalName())) out.add(e);
        }
        return out;
    }

    private static String text(Element parent, String local) {
        for (Element e : children(parent, local, false)) {
            String t = e.getTextContent().strip();
            if (!t.isEmpty()) return t;
        }
        return null;
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }

    /** An RFC 1123 (RSS) or ISO 8601 (Atom) date, or null. */
    static LocalDate date(String s) {
        if (s == null) return null;
        try {
            return ZonedDateTime.parse(s.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            // not RFC 1123
        }
        try {
            return OffsetDateTime.parse(s.strip()).toLocalDate();
        } catch (DateTimeParseException e) {
            // not a full ISO timestamp
        }
        try {
            return LocalDate.parse(s.strip().length() >= 10 ? s.strip().substring(0, 10) : s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
