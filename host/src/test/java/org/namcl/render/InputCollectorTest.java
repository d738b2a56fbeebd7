package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputCollectorTest {
    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }

    @Test
    void filesInGivenOrderFoldersSortedAndRecursive() throws IOException {
        Path b = touch("b.wav");
        Path a = touch("a.wav");
        touch("f/z.wav");
        touch("f/y/x.WAV");
        touch("f/y/notes.txt");
        touch("f/.hidden.wav");
        touch("f/._z.wav");

        List<InputFile> in = InputCollector.collect(List.of(b, dir.resolve("f"), a), dir.resolve("out"));

        assertEquals(List.of(b, dir.resolve("f/y/x.WAV"), dir.resolve("f/z.wav"), a),
                in.stream().map(InputFile::path).toList());
        assertEquals(List.of(Path.of("b.wav"), Path.of("y/x.WAV"), Path.of("z.wav"), Path.of("a.wav")),
                in.stream().map(InputFile::relative).toList());
        in.forEach(i -> assertNull(i.problem()));
    }

    @Test
    void aFileNamedTwiceIsRenderedOnce() throws IOException {
        Path a = touch("f/a.wav");

        List<InputFile> in = InputCollector.collect(List.of(a, dir.resolve("f"), dir.resolve("f/../f/a.wav")),
                dir.resolve("out"));

        assertEquals(1, in.size());
    }

    @Test
    void twoFilesWithOneOutputNameAreAProblem() throws IOException {
        Path a = touch("one/take.wav");
        Path b = touch("two/take.WAV");

        List<InputFile> in = InputCollector.collect(List.of(a, b), dir.resolve("out"));

        assertNull(in.get(0).problem());
        assertTrue(in.get(1).problem().contains("already taken by " + a), in.get(1)::problem);
    }

    @Test
    void aMissingInputIsAProblem() {
        List<InputFile> in = InputCollector.collect(List.of(dir.resolve("gone.wav")), dir.resolve("out"));

        assertEquals("no such file or folder", in.get(0).problem());
    }

    @Test
    void theOutputFolderIsSkippedInsideInputsAndRefusedAsOne() throws IOException {
        touch("takes/a.wav");
        touch("takes/out/amp/a.wav");

        List<InputFile> in = InputCollector.collect(List.of(dir.resolve("takes")), dir.resolve("takes/out"));
        List<InputFile> same = InputCollector.collect(List.of(dir.resolve("takes")), dir.resolve("takes"));

        assertEquals(List.of(dir.resolve("takes/a.wav")), in.stream().map(InputFile::path).toList());
        assertTrue(same.get(0).problem().contains("is the output folder"), same.get(0)::problem);
    }

    @Test
    void linkedFoldersAreSearchedAndLoopsReported() throws IOException {
        touch("real/a.wav");
        Path takes = Files.createDirectories(dir.resolve("takes"));
        Files.createSymbolicLink(takes.resolve("linked"), dir.resolve("real"));
        Files.createSymbolicLink(takes.resolve("loop"), takes);

        List<InputFile> in = InputCollector.collect(List.of(takes), dir.resolve("out"));

        InputFile found = in.stream().filter(i -> i.problem() == null).findFirst().orElseThrow();
        assertEquals(Path.of("linked/a.wav"), found.relative());
        InputFile loop = in.stream().filter(i -> i.problem() != null).findFirst().orElseThrow();
        assertTrue(loop.problem().contains("a loop"), loop::problem);
        assertEquals(2, in.size());
    }

    @Test
    void anEmptyFolderGivesNothing() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        assertEquals(List.of(), InputCollector.collect(List.of(dir.resolve("empty")), dir.resolve("out")));
    }
}
