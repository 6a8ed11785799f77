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
        file("a/six.pdf");
        file("a/skip.docx");
        file("a/SOURCES.tsv");
        file("a/noext");
        file("a/README.md");
        file("b/Readme-batch2.txt");
        List<Path> found = DocumentFinder.find(List.of(dir), problems::add);
        assertEquals(List.of("a/four.htm", "a/one.txt", "a/six.pdf", "a/three.HTML", "b/two.md", "c/five.markdown"), names(found));
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

    /** A named pipe made with mkfifo (the JDK cannot make one). */
    static Path fifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        return p;
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)   // a hang guard: opening a FIFO for reading blocks until a writer comes
    void specialFilesAreReportedNotListed() throws Exception {
        Path good = file("in/good.txt");
        Path inFolder = fifo(dir.resolve("in/pipe.txt"));
        fifo(dir.resolve("in/pipe.fifo"));                                   // not a release name: ignored like any other
        Path byName = fifo(dir.resolve("named-pipe"));
        List<Path> found = DocumentFinder.find(List.of(dir.resolve("in"), byName, Path.of("/dev/zero"),
                Path.of("/dev/urandom")), problems::add);
        assertEquals(List.of(good), found);
        List<String> messages = problems.stream().map(IngestException::getMessage).sorted().toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.contains("cannot read /dev/urandom: not a regular file (a character device); "
                + "only regular files are read; copy the text into a file"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("cannot read /dev/zero: not a regular file (a character device)")));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("cannot read " + byName + ": not a regular file (a named pipe)")));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("cannot read " + inFolder + ": not a regular file (a named pipe)")));
    }
}
