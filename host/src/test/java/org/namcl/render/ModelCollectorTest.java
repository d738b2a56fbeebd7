package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCollectorTest {
    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "{}");
    }

    private Path list(String relative, String... lines) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, List.of(lines));
    }

    private static String refusal(List<Path> given, List<Path> lists) {
        return assertThrows(IllegalArgumentException.class, () -> ModelCollector.collect(given, lists)).getMessage();
    }

    @Test
    void foldersAreSearchedRecursivelyForNamFilesInAnyCaseSortedAndNotHidden() throws IOException {
        touch("caps/sub/c.Nam");
        touch("caps/b.nam");
        touch("caps/a.NAM");
        touch("caps/.hidden.nam");
        touch("caps/sub/._c.nam");
        touch("caps/notes.txt");
        touch("caps/render.wav");

        List<Path> models = ModelCollector.collect(List.of(dir.resolve("caps")), List.of());

        assertEquals(List.of(dir.resolve("caps/a.NAM"), dir.resolve("caps/b.nam"), dir.resolve("caps/sub/c.Nam")),
                models);
    }

    @Test
    void filesKeepTheirOrderAndListsComeAfterThem() throws IOException {
        Path z = touch("z.nam");
        Path y = touch("y.nam");
        touch("caps/a.nam");
        Path list = list("list.txt", "x.nam");
        touch("x.nam");

        List<Path> models = ModelCollector.collect(List.of(z, dir.resolve("caps"), y), List.of(list));

        assertEquals(List.of(z, dir.resolve("caps/a.nam"), y, dir.resolve("x.nam")), models);
    }

    @Test
    void aListSkipsCommentsAndBlankLinesAndResolvesAgainstItsOwnFolder() throws IOException {
        Path amp = touch("lists/amp.nam");
        touch("lists/pedals/fuzz.nam");
        Path far = touch("elsewhere/far.nam");
        Path list = list("lists/favourites.txt",
                "# my favourites",
                "",
                "amp.nam",
                "   ",
                "  pedals  ",
                "\t# indented comment",
                far.toString());

        List<Path> models = ModelCollector.collect(List.of(), List.of(list));

        assertEquals(List.of(amp, dir.resolve("lists/pedals/fuzz.nam"), far), models);
    }

    @Test
    void aListWithWindowsLineEndingsReadsTheSame() throws IOException {
        Path amp = touch("amp.nam");
        Path list = Files.writeString(dir.resolve("list.txt"), "# models\r\namp.nam\r\n");

        assertEquals(List.of(amp), ModelCollector.collect(List.of(), List.of(list)));
    }

    @Test
    void aMissingModelIsKeptForTheBatchToReport() {
        Path missing = dir.resolve("nothere.nam");

        assertEquals(List.of(missing), ModelCollector.collect(List.of(missing), List.of()));
    }

    @Test
    void aFolderWithoutModelsIsRefusedNamingIt() throws IOException {
        touch("empty/readme.txt");
        touch("empty/sub/.hidden.nam");
        Path empty = dir.resolve("empty");

        String message = refusal(List.of(touch("amp.nam"), empty), List.of());

        assertEquals("no .nam files found in " + empty + " or its subfolders", message);
    }

    @Test
    void aListThatCannotBeReadIsRefusedNamingIt() throws IOException {
        Path missing = dir.resolve("missing.txt");
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        Path binary = Files.write(dir.resolve("binary.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        assertEquals("cannot read the model list " + missing + ": no such file or folder",
                refusal(List.of(), List.of(missing)));
        assertEquals("cannot read the model list " + folder + ": is a folder, not a file",
                refusal(List.of(), List.of(folder)));
        assertEquals("the model list " + binary + " is not UTF-8 text", refusal(List.of(), List.of(binary)));
    }

    @Test
    void aListNamingNoModelIsRefused() throws IOException {
        Path list = list("list.txt", "# nothing yet", "");

        assertEquals("the model list " + list + " names no model", refusal(List.of(touch("amp.nam")), List.of(list)));
    }

    @Test
    void noModelAtAllIsRefused() {
        assertTrue(refusal(List.of(), List.of()).startsWith("no model given: name one with -m"));
    }

    @Test
    void aModelReachedTwiceIsTakenOnce() throws IOException {
        Path a = touch("caps/a.nam");
        Path b = touch("caps/b.nam");
        Files.createSymbolicLink(dir.resolve("link.nam"), a);
        Path list = list("list.txt", "caps/a.nam", "caps");

        List<Path> models = ModelCollector.collect(
                List.of(a, dir.resolve("caps"), dir.resolve("caps/../caps/a.nam"), dir.resolve("link.nam")),
                List.of(list));

        assertEquals(List.of(a, b), models);
    }

    @Test
    void twoModelsWithOneNameAreRefusedEvenInFolders() throws IOException {
        Path first = touch("caps/clean/amp.nam");
        Path second = touch("caps/dirty/amp.nam");

        assertEquals("models " + first + " and " + second + " have the same name, so their outputs would share "
                + "the folder amp; rename one", refusal(List.of(dir.resolve("caps")), List.of()));
    }

    @Test
    void linkedFoldersAreSearchedAndALoopIsRefused() throws IOException {
        touch("real/a.nam");
        Path caps = Files.createDirectories(dir.resolve("caps"));
        Files.createSymbolicLink(caps.resolve("linked"), dir.resolve("real"));

        assertEquals(List.of(caps.resolve("linked/a.nam")), ModelCollector.collect(List.of(caps), List.of()));

        Files.createSymbolicLink(caps.resolve("loop"), caps);
        String message = refusal(List.of(caps), List.of());
        assertTrue(message.startsWith(caps.resolve("loop") + ": cannot be listed: "), message);
        assertTrue(message.contains("(a loop)"), message);
    }

    @Test
    void aModelAmongTheInputsIsRefusedSayingHowToGiveSeveral() throws IOException {
        Path take = touch("take.wav");
        Path folder = Files.createDirectories(dir.resolve("odd.nam"));
        Path model = dir.resolve("caps/b.NAM");

        ModelCollector.refuseModelsAmong(List.of(take, folder));
        String message = assertThrows(IllegalArgumentException.class,
                () -> ModelCollector.refuseModelsAmong(List.of(take, model))).getMessage();

        assertEquals(model + " is a model, not an input: give each model with -m (-m a.nam -m b.nam), or a "
                + "folder of models (-m caps/), or a list (--models-from list.txt)", message);
        ModelCollector.refuseModel("hdfs://nn/odd.nam", true);
        assertEquals(message.replace(model.toString(), "hdfs://nn/caps/b.NAM"), assertThrows(
                IllegalArgumentException.class, () -> ModelCollector.refuseModel("hdfs://nn/caps/b.NAM", false))
                .getMessage(), "a remote model is refused in the same words");
    }
}
