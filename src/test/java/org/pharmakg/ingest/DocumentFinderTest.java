package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentFinderTest {

    @TempDir
    Path dir;

    private final List<IngestException> problems = new ArrayList<>();

    private Path file(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "Headline\n\nBody of " + rel + ".\n");
        return p;
    }

    private List<String> names(List<Path> paths) {
        return paths.stream().map(p -> dir.relativize(p).toString()).toList();
    }

    @Test
    void findsWantedExtensionsSorted() throws IOException {
        file("b/two.md");
        file("a/one.txt");
        file("a/three.HTML");
        file("a/four.htm");
        file("c/five.markdown");
        file("a/skip.pdf");
        file("a/SOURCES.tsv");
        file("a/noext");
        file("a/README.md");
        file("b/Readme-batch2.txt");
        List<Path> found = DocumentFinder.find(List.of(dir), problems::add);
        assertEquals(List.of("a/four.htm", "a/one.txt", "a/three.HTML", "b/two.md", "c/five.markdown"), names(found));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void filesGivenDirectlyAreTakenWhateverTheirExtension() throws IOException {
        Path odd = file("notes.release");
        assertEquals(List.of(odd), DocumentFinder.find(List.of(odd), problems::add));
        Path readme = file("README.md");
        assertEquals(List.of(readme), DocumentFinder.find(List.of(readme), problems::add));
    }

    @Test
    void symlinkLoopIsSkippedNotFatal() throws IOException {
        Path a = file("loop/a.txt");
        Files.createSymbolicLink(dir.resolve("loop/back"), dir.resolve("loop"));
        Files.createSymbolicLink(dir.resolve("loop/self"), dir.resolve("loop/self"));   // dangling loop
        List<Path> found = DocumentFinder.find(List.of(dir), problems::add);
        assertEquals(List.of(a), found);
    }

    @Test
    void sameFileReachedTwiceIsListedOnce() throws IOException {
        Path real = file("real/doc.txt");
        Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(dir.resolve("links/alias.txt"), real);
        Files.createSymbolicLink(dir.resolve("links/dirlink"), dir.resolve("real"));
        List<Path> found = DocumentFinder.find(List.of(dir, real, dir.resolve("real/../real/doc.txt")), problems::add);
        assertEquals(1, found.size(), found.toString());
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(dir.resolve("links/alias.txt"), found.get(0), "first in path order is kept");
    }

    @Test
    void namesWithSpacesAndNonAscii() throws IOException {
        Path spaced = file("Press Releases/Q3 results.txt");
        Path accented = file("Société/Générale é.md");
        List<Path> found = DocumentFinder.find(List.of(dir), problems::add);
        assertEquals(List.of(spaced, accented), found);
        PressReleaseReader reader = new PressReleaseReader();
        assertEquals("generale-e", reader.read(accented).id());
        assertEquals("q3-results", reader.read(spaced).id());
    }

    @Test
    void missingRootIsReportedNotThrown() throws IOException {
        Path ok = file("ok.txt");
        List<Path> found = DocumentFinder.find(List.of(dir.resolve("missing"), ok), problems::add);
        assertEquals(List.of(ok), found);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).getMessage().contains("no such file or directory"), problems.get(0).getMessage());
    }

    @Test
    void brokenSymlinkIsReported() throws IOException {
        Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("nowhere.txt"));
        List<Path> found = DocumentFinder.find(List.of(dir), problems::add);
        assertTrue(found.isEmpty(), found.toString());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).reason().contains("broken symbolic link"));
    }

    /**
     * A directory without read permission: reported, never thrown. Root (as in CI here) can read it
     * anyway, so then the file inside must simply be found.
     */
    @Test
    void unreadableDirectoryIsReportedOrRead() throws IOException {
        Path inside = file("locked/secret.txt");
        Path ok = file("open/fine.txt");
        Path locked = dir.resolve("locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            boolean blocked = !Files.isReadable(locked);
            List<Path> found = DocumentFinder.find(List.of(dir), problems::add);
            if (blocked) {
                assertEquals(List.of(ok), found);
                assertEquals(1, problems.size(), problems.toString());
                assertEquals(locked, problems.get(0).path());
                assertTrue(problems.get(0).getMessage().startsWith("cannot read " + locked + ": "));
            } else {
                assertEquals(List.of(inside, ok), found);
                assertTrue(problems.isEmpty(), problems.toString());
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
