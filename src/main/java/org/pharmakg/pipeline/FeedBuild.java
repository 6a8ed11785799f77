package org.pharmakg.pipeline;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.pharmakg.PharmakgException;
import org.pharmakg.ingest.Feed;
import org.pharmakg.ingest.FetchException;
import org.pharmakg.ingest.Fetcher;
import org.pharmakg.ingest.PdfText;
import org.pharmakg.store.FetchMemory;
import org.pharmakg.store.KgStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the releases an RSS or Atom feed links to: fetches the feed (conditionally, with the ETag and
 * Last-Modified remembered in the store), fetches each item's page that is new or updated since the last
 * run, saves it under a cache folder with a {@code SOURCES.tsv} giving the item's date and link, and builds
 * those files.
 *
 * <pre>{@code
 * FeedBuild.Report r = new FeedBuild(store, fetcher, () -> pipeline, Path.of("store-feeds"), System.err::println)
 *         .run("https://example.com/news.atom");
 * }</pre>
 *
 * An item whose stamp (updated date, else id) is the one remembered is not requested at all, so a re-run
 * with nothing new makes one request: the feed's. A page that cannot be fetched is reported by URL and
 * tried again next run; what is stored is never touched by it.
 */
public final class FeedBuild {
    private static final Logger LOG = LoggerFactory.getLogger(FeedBuild.class);

    /** What a feed run did. {@code items} is -1 when the feed answered 304 Not Modified; {@code build} is null when nothing new was fetched. */
    public record Report(String feed, int items, int fetched, int unchanged, List<String> failures, BuildReport build) {
        public Report {
            failures = List.copyOf(failures);
        }

        public String summary() {
            if (items < 0) return "feed " + feed + ": not modified since the last run; nothing fetched";
            return "feed " + feed + ": " + items + " items, " + fetched + " fetched, " + unchanged + " unchanged, "
                    + failures.size() + " failed" + (build == null ? "" : "; " + build.summary());
        }
    }

    private final FetchMemory memory;
    private final Fetcher fetcher;
    private final Supplier<BuildPipeline> pipeline;
    private final Path cache;
    private final Consumer<String> problems;

    public FeedBuild(KgStore store, Fetcher fetcher, Supplier<BuildPipeline> pipeline, Path cache, Consumer<String> problems) {
        this.memory = new FetchMemory(store);
        this.fetcher = Objects.requireNonNull(fetcher);
        this.pipeline = Objects.requireNonNull(pipeline);
        this.cache = Objects.requireNonNull(cache);
        this.problems = Objects.requireNonNull(problems);
    }

    /** Fetches and builds what is new in the feed at {@code urlOrFile} (an http(s) URL or a saved feed file). */
    public Report run(String urlOrFile) {
        List<String> failures = new ArrayList<>();
        Consumer<String> fail = m -> {
            failures.add(m);
            problems.accept(m);
        };
        byte[] feedBytes;
        String base;
        String[] feedState = null;
        Path file = urlOrFile.matches("(?i)https?://.*") ? null : Path.of(urlOrFile);
        if (file != null) {
            try {
                if (!Files.isRegularFile(file)) {
                    fail.accept("cannot read " + file + ": no such feed file; give an http(s) URL or a saved RSS/Atom file");
                    return new Report(urlOrFile, 0, 0, 0, failures, null);
                }
                feedBytes = Files.readAllBytes(file);
            } catch (IOException e) {
                fail.accept("cannot read " + file + ": " + e.getMessage() + "; check the file");
                return new Report(urlOrFile, 0, 0, 0, failures, null);
            }
            base = null;
        } else {
            String[] st = state(memory.recall("feed " + urlOrFile));
            Fetcher.Result r;
            try {
                r = fetcher.get(urlOrFile, st[0], st[1]);
            } catch (FetchException e) {
                fail.accept(e.getMessage());
                return new Report(urlOrFile, 0, 0, 0, failures, null);
            }
            if (r.notModified()) {
                LOG.info("feed {}: not modified since the last run", urlOrFile);
                return new Report(urlOrFile, -1, 0, 0, failures, null);
            }
            feedBytes = r.body();
            base = r.url();
            feedState = new String[] {r.etag(), r.lastModified()};
        }
        List<Feed.Item> items;
        try {
            items = Feed.parse(urlOrFile, feedBytes);
        } catch (FetchException e) {
            fail.accept(e.getMessage());
            return new Report(urlOrFile, 0, 0, 0, failures, null);
        }
        List<Path> files = new ArrayList<>();
        List<Runnable> remember = new ArrayList<>();
        int unchanged = 0;
        for (Feed.Item item : items) {
            String link = base == null ? item.link() : URI.create(base).resolve(item.link()).toString();
            if (item.stamp().equals(memory.recall("item " + link))) {
                unchanged++;
                continue;
            }
            String[] st = state(memory.recall("page " + link));
            try {
                Fetcher.Result page = fetcher.get(link, st[0], st[1]);
                if (page.notModified()) {
                    unchanged++;
                    remember.add(() -> memory.remember("item " + link, item.stamp()));
                    continue;
                }
                Path saved = save(link, item, page);
                files.add(saved);
                remember.add(() -> {
                    memory.remember("page " + link, page.etag() + "\t" + page.lastModified());
                    memory.remember("item " + link, item.stamp());
                });
            } catch (FetchException e) {
                fail.accept(e.getMessage());
            }
        }
        BuildReport build = files.isEmpty() ? null : pipeline.get().run(files);
        if (build != null) failures.addAll(build.failures());
        remember.forEach(Runnable::run);
        if (feedState != null) memory.remember("feed " + urlOrFile, feedState[0] + "\t" + feedState[1]);
        Report rep = new Report(urlOrFile, items.size(), files.size(), unchanged, failures, build);
        LOG.info("{}", rep.summary());
        return rep;
    }

    private static String[] state(String s) {
        if (s == null) return new String[2];
        String[] p = s.split("\t", -1);
        return new String[] {p.length > 0 && !p[0].equals("null") ? p[0] : null, p.length > 1 && !p[1].equals("null") ? p[1] : null};
    }

    /** Saves a fetched page under the cache as HOST/NAME.html (or .pdf) and records its date and link in SOURCES.tsv. */
    private Path save(String link, Feed.Item item, Fetcher.Result page) {
        byte[] body = page.body();
        boolean pdf = PdfText.isPdf(body);
        String type = page.contentType() == null ? "" : page.contentType().toLowerCase(Locale.ROOT);
        if (!pdf && (binary(body) || !(type.isEmpty() || type.contains("html") || type.contains("text") || type.contains("xml")))) {
            throw new FetchException(link, "not a web page or PDF (" + (type.isEmpty() ? "binary content" : type) + ")",
                    "check the feed's link");
        }
        URI u = URI.create(link);
        String host = u.getHost() == null ? "local" : u.getHost().replaceAll("[^A-Za-z0-9.-]", "_");
        String last = u.getPath() == null ? "" : u.getPath().replaceAll(".*/", "").replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
        String slug = last.replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        String name = (slug.isEmpty() ? "release" : slug.length() > 60 ? slug.substring(0, 60) : slug) + "-"
                + KgStore.sha256(link.getBytes(StandardCharsets.UTF_8)).substring(7, 15) + (pdf ? ".pdf" : ".html");
        Path dir = cache.resolve(host);
        try {
            Files.createDirectories(dir);
            Path f = dir.resolve(name);
            Path tmp = dir.resolve(name + ".part");
            Files.write(tmp, body);
            Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            writeSidecar(dir, name, item.published() == null ? "" : item.published().toString(), link);
            return f;
        } catch (IOException e) {
            throw new PharmakgException("cannot write " + dir.resolve(name) + ": " + e.getMessage() + "; check the folder " + cache);
        }
    }

    private static boolean binary(byte[] b) {
        int n = Math.min(b.length, 4096);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) return true;
        }
        return false;
    }

    private static void writeSidecar(Path dir, String file, String date, String url) throws IOException {
        Path tsv = dir.resolve("SOURCES.tsv");
        Map<String, String> rows = new TreeMap<>();
        if (Files.isRegularFile(tsv)) {
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0 && !line.startsWith("file\t")) rows.put(line.substring(0, tab), line);
            }
        }
        rows.put(file, file + "\t" + date + "\t" + url);
        StringBuilder b = new StringBuilder("file\tdate\turl\n");
        rows.values().forEach(r -> b.append(r).append('\n'));
        Files.writeString(tsv, b.toString(), StandardCharsets.UTF_8);
    }
}
