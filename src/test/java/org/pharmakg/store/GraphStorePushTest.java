package org.pharmakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One PUT per graph, retried on 5xx, basic auth, and an interrupted push resumed from its state file. */
class GraphStorePushTest {
    @Test
    void retriesResumesAndSendsOnlyWhatChanged(@TempDir Path tmp) throws Exception {
        Map<String, String> received = new ConcurrentHashMap<>();
        Set<String> broken = ConcurrentHashMap.newKeySet();
        AtomicInteger puts = new AtomicInteger(), flaky = new AtomicInteger(1);
        List<String> auth = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gsp", ex -> {
            puts.incrementAndGet();
            auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            String graph = URLDecoder.decode(ex.getRequestURI().getRawQuery().substring("graph=".length()), StandardCharsets.UTF_8);
            byte[] body = ex.getRequestBody().readAllBytes();
            int code;
            if (broken.contains(graph)) code = 500;
            else if (graph.endsWith("/g1") && flaky.getAndDecrement() > 0) code = 503;   // fails once, then works
            else {
                received.put(graph, new String(body, StandardCharsets.UTF_8));
                code = 204;
            }
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gsp");
            Path state = tmp.resolve("push.tsv");
            List<GraphStorePush.NamedGraph> graphs = new ArrayList<>();
            for (int i = 0; i < 5; i++) graphs.add(graph("https://example.org/g" + i, "v1"));

            broken.add("https://example.org/g3");   // the push is "interrupted" at g3
            GraphStorePush push = GraphStorePush.to(endpoint).state(state).retries(2).backoff(Duration.ofMillis(10))
                    .credentials("pharmakg", "secret-secret").build();
            GraphStorePush.Report r = push.push(graphs.iterator());
            assertEquals(4, r.sent());
            assertEquals(1, r.failures().size(), r.failures().toString());
            assertTrue(r.failures().get(0).contains("g3"));
            assertEquals(4, received.size(), "g1 arrived after one retry");
            assertTrue(auth.stream().allMatch(a -> a.startsWith("Basic ")));

            broken.clear();
            puts.set(0);
            r = push.push(graphs.iterator());
            assertEquals(1, r.sent(), "resumed: only the graph that had not arrived");
            assertEquals(4, r.unchanged());
            assertEquals(1, puts.get());
            assertEquals(5, received.size());

            graphs.set(2, graph("https://example.org/g2", "v2"));
            r = push.push(graphs.iterator());
            assertEquals(1, r.sent(), "a re-push sends what changed, replacing the graph");
            assertTrue(received.get("https://example.org/g2").contains("v2"));
        } finally {
            server.stop(0);
        }
    }

    private static GraphStorePush.NamedGraph graph(String iri, String value) {
        return new GraphStorePush.NamedGraph(iri, ("<" + iri + "#s> <https://example.org/p> \"" + value + "\" .\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
