package org.pharmakg.cli;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.pharmakg.extract.Extractor;
import org.pharmakg.ingest.ReaderOptions;
import org.pharmakg.nlp.CoreNlpPipeline;
import org.pharmakg.nlp.NlpPipeline;
import org.pharmakg.pipeline.FolderWatcher;
import org.pharmakg.pipeline.Progress;
import org.pharmakg.serve.KgServer;
import org.pharmakg.store.KgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pharmakg serve}: the SPARQL endpoint and explorer over the store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the store read-only: SPARQL at /kg/sparql (also /kg/query), Graph Store read at /kg/get, a home page at /.",
                "Binds 127.0.0.1 unless --host says otherwise. A query is stopped after --timeout seconds (HTTP 503) and cut at --max-rows rows.",
                "SPARQL Update at /kg/update only with --update and a password (at least 12 characters) from " + ServeCommand.PASSWORD_ENV
                        + " or --password-file; LOAD, SERVICE and DROP/CLEAR ALL are refused there.",
                "Refused everywhere: SERVICE (unless --allow-service), bodies and query strings over --max-query-bytes (413), JSONP "
                        + "callbacks, Host names other than localhost, IP addresses, --host and --allow-host (421).",
                "At most 2 queries per core run at once (503 when full); REGEX stops at the timeout; see README \"Serving safely\"."})
final class ServeCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Mixin ServerOptions server;

    @Option(names = "--update", description = "Allow SPARQL Update at /kg/update for user pharmakg (HTTP basic auth), with the password "
            + "from the environment variable " + PASSWORD_ENV + " or --password-file; never on the command line.")
    boolean update;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the update password (with --update).")
    java.nio.file.Path passwordFile;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Build new and changed press releases dropped into DIR while serving, and remove from the graph "
                    + "those deleted from DIR (polled every 2 s).")
    java.nio.file.Path watch;

    @Option(names = "--watch-feed", paramLabel = "URL", description = "An RSS or Atom feed whose new items are fetched and built "
            + "while serving, every --feed-minutes (as build --feed does). Repeatable.")
    java.util.List<String> watchFeeds = java.util.List.of();

    @Option(names = "--feed-minutes", paramLabel = "N", description = "Minutes between two reads of each "
            + "--watch-feed (default: 30).")
    Integer feedMinutes;

    /** Seconds between two reads of the feeds, instead of minutes: for tests that watch a few cycles. */
    @Option(names = "--feed-seconds", paramLabel = "N", hidden = true)
    Integer feedSeconds;

    static final String PASSWORD_ENV = "PHARMAKG_PASSWORD";

    @Override
    public Integer call() {
        String password = null;
        if (update) {
            password = password(passwordFile, System.getenv(PASSWORD_ENV));
        } else if (passwordFile != null) {
            throw new Main.UsageException("--password-file goes with --update; without --update the server is read-only");
        }
        if (watch != null && !java.nio.file.Files.isDirectory(watch)) {
            throw new Main.UsageException("--watch " + watch + " is not a folder; create it or give another");
        }
        serve(store.store, server, password, watch, watchFeeds, feedInterval(feedMinutes, feedSeconds));
        return Main.OK;
    }

    /** The time between two reads of the watched feeds: {@code --feed-minutes} (30 by default) or {@code --feed-seconds}. */
    static java.time.Duration feedInterval(Integer minutes, Integer seconds) {
        if (minutes != null && seconds != null) {
            throw new Main.UsageException("give --feed-minutes or --feed-seconds, not both");
        }
        if (seconds != null) {
            if (seconds < 1) throw new Main.UsageException("--feed-seconds must be at least 1");
            return java.time.Duration.ofSeconds(seconds);
        }
        if (minutes != null && minutes < 1) throw new Main.UsageException("--feed-minutes must be at least 1");
        return java.time.Duration.ofMinutes(minutes == null ? 30 : minutes);
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    /** The update password: the file's first line if given, else the environment variable; at least 12 characters. */
    static String password(java.nio.file.Path file, String env) {
        String p = readPassword(file, env);
        if (p.length() < KgServer.MIN_PASSWORD) {
            throw new Main.UsageException("the update password has " + p.length() + " characters; use at least "
                    + KgServer.MIN_PASSWORD + " (a short one is guessed quickly)");
        }
        return p;
    }

    private static String readPassword(java.nio.file.Path file, String env) {
        if (file != null) {
            try {
                String first = java.nio.file.Files.readString(file).lines().findFirst().orElse("").strip();
                if (first.isEmpty()) throw new Main.UsageException("password file " + file + " is empty");
                return first;
            } catch (java.io.IOException e) {
                throw new Main.UsageException("cannot read password file " + file + ": " + e.getMessage());
            }
        }
        if (env == null || env.isBlank()) {
            throw new Main.UsageException("--update needs a password: set " + PASSWORD_ENV + " or pass --password-file FILE"
                    + " (never on the command line)");
        }
        return env;
    }

    static void serve(java.nio.file.Path dir, ServerOptions o, String password, java.nio.file.Path watch) {
        serve(dir, o, password, watch, java.util.List.of(), java.time.Duration.ofMinutes(30));
    }

    static void serve(java.nio.file.Path dir, ServerOptions o, String password, java.nio.file.Path watch,
                      java.util.List<String> feeds, java.time.Duration feedEvery) {
        KgStore s = KgStore.open(dir);
        s.ensureOntology();
        KgServer server;
        Thread warmUp;
        try {
            KgServer.Builder sb = o.apply(KgServer.builder(s.dataset()));
            if (password != null) sb.update(password);
            server = org.pharmakg.serve.Explorer.mount(sb, s.dataset()).build().start();
            warmUp = org.pharmakg.serve.Explorer.warmUp(s.dataset());
        } catch (Main.UsageException e) {
            s.close();
            throw e;
        } catch (RuntimeException e) {
            s.close();
            throw new Main.EnvironmentException(e.getMessage());
        }
        FolderWatcher watcher = watch == null ? null : new FolderWatcher(BuildCommand.pipeline(s, once(
                () -> CoreNlpPipeline.builder().rules(Extractor.ENTITY_RULES).build()), 0, ReaderOptions.DEFAULT_MAX_BYTES, Progress.NONE, true),
                watch, java.time.Duration.ofSeconds(2), m -> System.err.println("pharmakg: " + m)).start();
        FeedWatcher feedWatcher = feeds.isEmpty() ? null : FeedWatcher.start(s, dir, feeds, feedEvery);
        String base = "http://" + o.host + ":" + server.port();
        System.out.println("pharmakg is serving " + dir);
        System.out.println("  browser:  " + base + "/");
        System.out.println("  SPARQL:   " + base + "/kg/sparql");
        System.out.println("  explorer: " + base + "/explore/");
        if (password != null && !isLoopback(o.host)) {
            System.err.println("pharmakg: warning: --update with --host " + o.host + ": the update password travels in clear "
                    + "text (HTTP basic auth, no TLS) and can be guessed from the network; serve updates on 127.0.0.1, or put "
                    + "a TLS proxy in front");
        }
        if (password != null) System.out.println("  update:   " + base + "/kg/update (user " + KgServer.UPDATE_USER + ", HTTP basic auth)");
        for (String f : feeds) System.out.println("  feed:     " + f + " (new items built every " + every(feedEvery) + ")");
        if (watch != null) System.out.println("  watching: " + watch + " (new and changed releases are built while serving; removed ones leave the graph)");
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (watcher != null) watcher.close();
            if (feedWatcher != null) feedWatcher.close();
            server.stop();
            try {
                warmUp.join(10_000);   // it reads the store in a transaction; let it end before the store closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.close();
        }));
        server.join();
    }

    private static String every(java.time.Duration d) {
        return d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** The NLP stage, loaded on the first change only and then kept (loading takes seconds). */
    private static Supplier<NlpPipeline> once(Supplier<NlpPipeline> s) {
        NlpPipeline[] held = new NlpPipeline[1];
        return () -> {
            synchronized (held) {
                if (held[0] == null) held[0] = s.get();
                return held[0];
            }
        };
    }
}
