package org.pharmakg.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the press release files under some roots, each real file once, in a stable order.
 *
 * <pre>{@code
 * List<IngestException> problems = new ArrayList<>();
 * List<Path> files = DocumentFinder.find(List.of(Path.of("data"), Path.of("extra.txt")), problems::add);
 * problems.forEach(p -> log.warn(p.getMessage()));
 * }</pre>
 */
public final class DocumentFinder {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentFinder.class);
    private static final Set<String> EXTENSIONS = Set.of("txt", "md", "markdown", "html", "htm", "pdf");

    private DocumentFinder() {
    }

    /**
     * Every .txt/.md/.markdown/.html/.htm file under the roots (files given directly are taken
     * whatever their extension), sorted by path, each real file once (symlink loops and
     * duplicates via toRealPath are skipped), unreadable directories/files reported to the
     * problem sink, never thrown.
     *
     * @param roots    files and directories, as the user gave them
     * @param problems receives one {@link IngestException} per root, directory or file that
     *                 cannot be read; the search goes on
     * @return paths as reached from the roots (not resolved), sorted by their string form
     */
    public static List<Path> find(List<Path> roots, Consumer<IngestException> problems) {
        Objects.requireNonNull(roots, "roots");
        Objects.requireNonNull(problems, "problems");
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                problems.accept(new IngestException(root,
                        Files.exists(root, LinkOption.NOFOLLOW_LINKS) ? "broken symbolic link" : "no such file or directory",
                        "check the path"));
            } else if (Files.isDirectory(root)) {
                walk(root, found, problems);
            } else if (!Files.isRegularFile(root)) {
                problems.accept(notRegular(root));   // a FIFO would block the build for ever, /dev/zero never end
            } else if (readable(root, problems)) {
                found.add(root);
            }
        }
        found.sort(Comparator.comparing(Path::toString));
        Set<Path> seen = new HashSet<>();
        List<Path> out = new ArrayList<>();
        for (Path p : found) {
            try {
                if (seen.add(p.toRealPath())) {
                    out.add(p);
                } else {
                    LOG.debug("skipping {}: the same file was already found", p);
                }
            } catch (IOException e) {
                problems.accept(new IngestException(p, "cannot resolve (" + e + ")", "check the path", e));
            }
        }
        LOG.debug("found {} files under {} roots", out.size(), roots.size());
        return List.copyOf(out);
    }

    private static void walk(Path root, List<Path> found, Consumer<IngestException> problems) {
        Set<Path> visitedDirs = new HashSet<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                            if (!visitedDirs.add(dir.toRealPath())) {
                                return FileVisitResult.SKIP_SUBTREE;   // reached twice via links
                            }
                            if (!Files.isReadable(dir)) {
                                problems.accept(new IngestException(dir, "directory not readable",
                                        "fix its permissions or leave it out"));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isSymbolicLink() && !Files.exists(file)) {
                                if (hasWantedExtension(file)) {
                                    problems.accept(linkLoop(file)
                                            ? new IngestException(file, "symbolic link loop (the link leads back to itself)",
                                                    "remove the link or point it at a file")
                                            : new IngestException(file, "broken symbolic link",
                                                    "remove the link or restore its target"));
                                }
                            } else if (attrs.isRegularFile() && hasWantedExtension(file)
                                    && readable(file, problems)) {
                                found.add(file);
                            } else if (attrs.isOther() && hasWantedExtension(file)) {
                                problems.accept(notRegular(file));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                LOG.debug("skipping {}: symbolic link loop", file);
                            } else if (e instanceof AccessDeniedException) {
                                problems.accept(new IngestException(file, "permission denied",
                                        "fix its permissions or leave it out", e));
                            } else if (!(e instanceof NoSuchFileException)) {
                                problems.accept(new IngestException(file, "cannot list (" + e + ")",
                                        "check the directory", e));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                            if (e != null) {
                                problems.accept(new IngestException(dir, "cannot list (" + e + ")",
                                        "fix its permissions or leave it out", e));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.accept(new IngestException(root, "cannot list (" + e + ")", "check the directory", e));
        }
    }

    private static boolean readable(Path file, Consumer<IngestException> problems) {
        if (!Files.isReadable(file)) {
            problems.accept(new IngestException(file, "file not readable", "fix its permissions or leave it out"));
            return false;
        }
        return true;
    }

    /** "cannot read PATH: not a regular file (a named pipe)": FIFOs, devices and sockets are never read. */
    static IngestException notRegular(Path file) {
        return new IngestException(file, "not a regular file (" + kind(file) + ")",
                "only regular files are read; copy the text into a file");
    }

    /** "a named pipe", "a character device", "a block device", "a socket", "a directory" or "a special file". */
    static String kind(Path file) {
        try {
            if (Files.isDirectory(file)) {
                return "a directory";
            }
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a special file";
        }
    }

    /** Whether following {@code link} comes back to a link already followed. */
    static boolean linkLoop(Path link) {
        Set<Path> seen = new HashSet<>();
        Path p = link;
        try {
            for (int i = 0; i < 64 && Files.isSymbolicLink(p); i++) {
                if (!seen.add(p.toAbsolutePath().normalize())) {
                    return true;
                }
                p = p.resolveSibling(Files.readSymbolicLink(p));
            }
            return Files.isSymbolicLink(p);   // more than 64 links: as good as a loop
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean hasWantedExtension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        if (s.toUpperCase(Locale.ROOT).startsWith("README")) {
            return false;   // a folder's README describes the releases; it is not one (given by name, it is read)
        }
        int dot = s.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
