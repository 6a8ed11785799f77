package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pharmakg.PharmakgException;

/**
 * The territory of a deal's rights, shortened as analysts write it: "worldwide", "US", "ex-US",
 * "China", "US and Canada", from the names of {@code ontology/lexicon/territories.tsv}.
 *
 * <pre>{@code
 * Territories.load().find("exclusive rights to commercialize KarXT in Greater China").territory(); // "China"
 * }</pre>
 *
 * "Outside X", "ex-X", "excluding X" give "ex-X" (even after "worldwide"); a list of places gives them
 * joined ("US, Canada, Europe and Japan"); "worldwide", "global" give "worldwide". A dateline
 * ("SHANGHAI, China, Feb. 1, 2021 (GLOBE NEWSWIRE) --") is not a territory.
 */
final class Territories {
    public static final String RESOURCE = "ontology/lexicon/territories.tsv";

    /** A territory and the span of a sentence that states it. */
    record Found(String territory, int begin, int end) {}

    private record Place(String shortName, Pattern pattern) {}

    private record Hit(String shortName, int begin, int end) {}

    private static final Pattern WORLD = Pattern.compile("\\b(?:worldwide|world-wide|global|globally|all countries|throughout the world)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTSIDE = Pattern.compile(
            "\\b(?:outside(?: of)?|excluding|except(?: for)?(?: in)?|other than|ex-|ex )\\s?(?:the\\s)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern JOIN = Pattern.compile("^\\s?(?:,\\s?(?:and\\s|&\\s)?|\\s(?:and|&|as well as|plus)\\s|,?\\s(?:and\\s)?the\\s|\\s?/\\s?)(?:the\\s)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATELINE_END = Pattern.compile("\\s(?:--|—|–|-)\\s|/PRNewswire[^/]*/|\\(GLOBE NEWSWIRE\\)|\\(BUSINESS WIRE\\)|Newswire -");

    private final List<Place> places;

    private Territories(List<Place> places) { this.places = List.copyOf(places); }

    static Territories load() {
        List<Place> places = new ArrayList<>();
        for (List<String> row : Lexicon.readRows(RESOURCE)) {
            if (row.size() < 2 || row.get(0).equals("short")) continue;
            places.add(new Place(row.get(0).strip(), Pattern.compile("(?<![\\w-])(?:" + row.get(1).strip() + ")(?![\\w$-])")));
        }
        if (places.isEmpty()) throw new PharmakgException("territory list " + RESOURCE + " is missing or empty; rebuild with mvn package");
        return new Territories(places);
    }

    /** The territory a sentence states for rights, or null. */
    Found find(String sentence) {
        int start = datelineEnd(sentence);
        List<Hit> hits = new ArrayList<>();
        for (Place p : places) {
            Matcher m = p.pattern().matcher(sentence);
            while (m.find()) if (m.start() >= start && !insideParenthesisOfCompany(sentence, m.start())) hits.add(new Hit(p.shortName(), m.start(), m.end()));
        }
        hits.sort((a, b) -> a.begin() != b.begin() ? Integer.compare(a.begin(), b.begin()) : Integer.compare(b.end(), a.end()));
        hits = dropOverlaps(hits);
        // outside X
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            String before = sentence.substring(Math.max(start, h.begin() - 20), h.begin());
            Matcher o = OUTSIDE.matcher(before);
            if (o.find()) {
                List<Hit> list = listFrom(sentence, hits, i);
                Set<String> names = new LinkedHashSet<>();
                for (Hit x : list) names.add(x.shortName());
                return new Found("ex-" + join(names), h.begin() - (before.length() - o.start()), list.get(list.size() - 1).end());
            }
        }
        Matcher w = WORLD.matcher(sentence);
        int world = w.find(start) ? w.start() : -1;
        if (!hits.isEmpty() && (world < 0 || hits.get(0).begin() < world)) {
            List<Hit> list = listFrom(sentence, hits, 0);
            Set<String> names = new LinkedHashSet<>();
            for (Hit x : list) names.add(x.shortName());
            return new Found(join(names), list.get(0).begin(), list.get(list.size() - 1).end());
        }
        if (world >= 0) return new Found("worldwide", world, w.end());
        return null;
    }

    /** The places listed from hit i on ("US, Canada, Europe and Japan"). */
    private static List<Hit> listFrom(String s, List<Hit> hits, int i) {
        List<Hit> out = new ArrayList<>(List.of(hits.get(i)));
        for (int j = i + 1; j < hits.size(); j++) {
            String between = s.substring(out.get(out.size() - 1).end(), hits.get(j).begin());
            if (!JOIN.matcher(between).find()) break;
            out.add(hits.get(j));
        }
        return out;
    }

    private static String join(Set<String> names) {
        List<String> l = new ArrayList<>(names);
        if (l.size() == 1) return l.get(0);
        return String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
    }

    private static List<Hit> dropOverlaps(List<Hit> hits) {
        List<Hit> out = new ArrayList<>();
        int end = -1;
        for (Hit h : hits) {
            if (h.begin() < end) continue;
            out.add(h);
            end = h.end();
        }
        return out;
    }

    /** Where the dateline of a lead sentence ends (0 when it has none). */
    private static int datelineEnd(String s) {
        Matcher m = DATELINE_END.matcher(s);
        int end = 0;
        while (m.find() && m.start() < 220) end = m.end();
        return end;
    }

    /** "Novo Nordisk A/S (Novo Nordisk)", "(NYSE: X)": a place inside a company's parenthesis is not a territory. */
    private static boolean insideParenthesisOfCompany(String s, int at) {
        int open = s.lastIndexOf('(', at), close = s.lastIndexOf(')', at);
        if (open < 0 || close > open) return false;
        String inside = s.substring(open, Math.min(s.length(), at + 30));
        return inside.matches("(?s)\\((?:NYSE|NASDAQ|Nasdaq|LSE|TSE|HKEX|SSE|SIX|Euronext|OTC).*");
    }
}
