package org.pharmakg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Serves files from the class path: the explorer pages ({@code explore/}) and the WebJars
 * ({@code META-INF/resources/webjars/}). WebJar paths may leave out the version
 * ({@code /webjars/cytoscape/dist/cytoscape.min.js}); it is read from the WebJar's pom.properties.
 *
 * <pre>
 * builder.servlet("/explore/*", StaticResources.explorer())
 *        .servlet("/webjars/*", StaticResources.webjars());
 * </pre>
 */
public final class StaticResources extends HttpServlet {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"), Map.entry("map", "application/json"),
            Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"));

    private final String root;
    private final boolean webjars;

    private StaticResources(String root, boolean webjars) {
        this.root = root;
        this.webjars = webjars;
    }

    /** The explorer pages from {@code explore/} on the class path; {@code /} is {@code index.html}. */
    public static StaticResources explorer() { return new StaticResources("explore/", false); }

    /** The WebJars from {@code META-INF/resources/webjars/}. */
    public static StaticResources webjars() { return new StaticResources("META-INF/resources/webjars/", true); }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            // "/explore" without the slash: relative links in the pages need it
            resp.sendRedirect(req.getRequestURI() + "/");
            return;
        }
        if (path.endsWith("/")) path += "index.html";
        String rel = path.substring(1);
        if (rel.isEmpty() || rel.contains("..") || rel.contains("\\") || rel.contains("//")) {
            resp.sendError(404);
            return;
        }
        InputStream in = open(rel);
        if (in == null) {
            resp.sendError(404, "no such file: " + path);
            return;
        }
        try (in) {
            String ext = rel.substring(rel.lastIndexOf('.') + 1);
            resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            resp.setHeader("Cache-Control", webjars ? "max-age=86400" : "no-cache");
            in.transferTo(resp.getOutputStream());
        }
    }

    private InputStream open(String rel) throws IOException {
        ClassLoader cl = StaticResources.class.getClassLoader();
        InputStream in = cl.getResourceAsStream(root + rel);
        if (in != null || !webjars) return in;
        int slash = rel.indexOf('/');
        if (slash < 0) return null;
        String name = rel.substring(0, slash);
        String version = webjarVersion(cl, name);
        return version == null ? null : cl.getResourceAsStream(root + name + "/" + version + rel.substring(slash));
    }

    private static String webjarVersion(ClassLoader cl, String name) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]+")) return null;
        for (String group : new String[] {"org.webjars.npm", "org.webjars"}) {
            try (InputStream p = cl.getResourceAsStream("META-INF/maven/" + group + "/" + name + "/pom.properties")) {
                if (p == null) continue;
                Properties props = new Properties();
                props.load(new java.io.InputStreamReader(p, StandardCharsets.UTF_8));
                return props.getProperty("version");
            }
        }
        return null;
    }
}
