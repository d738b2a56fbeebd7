package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.eval.Reamp;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/**
 * {@code namcl cluster render} and {@code eval} with models, inputs, outputs and pairs on a real
 * HDFS (an in-process MiniDFSCluster: a name node and one data node), against the local commands.
 */
class ClusterHdfsTest {
    /** Whole milliseconds, as HDFS keeps times: the outputs record their input's size and time. */
    private static final FileTime TAKEN = FileTime.fromMillis(1_700_000_000_123L);

    private static MiniDFSCluster hdfs;
    private static FileSystem fs;
    private static String root;

    @TempDir
    Path dir;

    @BeforeAll
    static void startHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, Path.of("target", "minidfs").toAbsolutePath().toString());
        // every open of a file sets its access time: how the tests see which files a run read
        conf.setLong("dfs.namenode.accesstime.precision", 1);
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
        hdfs.waitActive();
        fs = hdfs.getFileSystem();
        root = fs.getUri() + "/namcl";
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown(true);
        }
    }

    @Test
    void renderFromAndToHdfsEqualsNamclRenderAndARerunSkipsEverything() throws IOException {
        Path models = dir.resolve("models");
        TestModels.copy(TestModels.DEMONET, models);
        TestModels.copy(TestModels.NANO, models.resolve("more"));
        Path takes = dir.resolve("takes");
        TestAudio.write(takes.resolve("a.wav"), TestAudio.signal(4800, 1));
        TestAudio.write(takes.resolve("b.wav"), TestAudio.signal(9001, 2), TestAudio.signal(9001, 3));
        TestAudio.write(takes.resolve("sub/c.wav"), TestAudio.signal(2400, 4));
        TestAudio.write(takes.resolve("sub/deeper/d.wav"), TestAudio.signal(12000, 5));
        Files.writeString(takes.resolve("broken.wav"), "not a WAV file");
        upload(models, "render/models");
        upload(takes, "render/takes");
        Path single = dir.resolve("single");
        String out = root + "/render/out";

        TestSpark.Result one = TestSpark.namcl("render", "-m", models, takes, "-o", single, "--engine", "cpu",
                "--format", "pcm24", "--tail");
        TestSpark.Result job = TestSpark.cluster("render", "-m", root + "/render/models", root + "/render/takes",
                "-o", out, "--engine", "cpu", "--format", "pcm24", "--tail", "--partitions", 3,
                "--report", root + "/render/reports/run.json");

        assertEquals(1, one.code(), "the broken input fails: " + one);
        assertEquals(1, job.code(), "the broken input fails: " + job);
        assertTrue(job.err().contains("8 rendered, 0 skipped, 2 failed"), job::toString);
        assertTrue(job.err().contains("namcl: error: " + root + "/render/takes/broken.wav"),
                "one line names the bad file as given, not its local copy: " + job);
        assertFalse(job.err().contains("namcl-spark-"), job::toString);
        Map<String, String> expected = FileTrees.digests(single);
        assertEquals(8, expected.size(), "two models, four inputs");
        Map<String, Long> written = modified(out);
        assertEquals(expected.keySet(), written.keySet(), "every output, and nothing else (no temporaries)");
        Path fetched = dir.resolve("fetched");
        fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(out), new org.apache.hadoop.fs.Path(fetched.toUri()),
                true);
        assertEquals(expected, FileTrees.digests(fetched), "byte for byte");
        assertEquals(Set.of("run.json"), modified(root + "/render/reports").keySet(),
                "the report written to HDFS whole, no temporary beside it");
        JsonNode pair = new ObjectMapper().readTree(read(root + "/render/reports/run.json")).get("pairs").get(0);
        assertTrue(pair.get("output").asText().startsWith(out + "/"), "the report names HDFS files: " + pair);
        assertTrue(pair.get("input").asText().startsWith(root + "/render/takes/"), pair::toString);
        Map<String, Long> read = accessed(root + "/render/takes");

        TestSpark.Result again = TestSpark.cluster("render", "-m", root + "/render/models", root + "/render/takes",
                "-o", out, "--engine", "cpu", "--format", "pcm24", "--tail", "--partitions", 3);

        assertEquals(1, again.code(), again::toString);
        assertTrue(again.err().contains("0 rendered, 8 skipped"), again::toString);
        assertEquals(written, modified(out), "no file written again, none left over");
        Map<String, Long> readAgain = accessed(root + "/render/takes");
        assertTrue(readAgain.remove("broken.wav") > read.remove("broken.wav"),
                "the input with no output is read again (so reads show in access times)");
        assertEquals(read, readAgain, "no input with an up-to-date output is read, nor copied");
    }

    @Test
    void aRerunRendersAgainOnlyWhatChangedAndRemovesWhatAKilledWriteLeft() throws IOException {
        Path models = dir.resolve("models");
        TestModels.copy(TestModels.NANO, models);
        Path takes = dir.resolve("takes");
        TestAudio.write(takes.resolve("a.wav"), TestAudio.signal(4800, 1));
        TestAudio.write(takes.resolve("b.wav"), TestAudio.signal(6000, 2));
        upload(models, "changed/models");
        upload(takes, "changed/takes");
        String out = root + "/changed/out";
        String[] args = {"render", "-m", root + "/changed/models", root + "/changed/takes", "-o", out,
                "--engine", "cpu", "--partitions", "1"};
        TestSpark.Result first = TestSpark.cluster((Object[]) args);
        Map<String, Long> written = modified(out);
        assertEquals(0, first.code(), first::toString);
        assertEquals(2, written.size(), written::toString);
        String folder = out + "/" + written.keySet().iterator().next().split("/")[0];
        // a killed executor's temporary (written before this run), and one of a write still going on
        String stale = folder + "/.b.wav.namcl-spark-" + "0123456789abcdef".repeat(2) + ".partial";
        String live = folder + "/.b.wav.namcl-spark-" + "fedcba9876543210".repeat(2) + ".partial";
        for (String partial : List.of(stale, live)) {
            try (OutputStream o = fs.create(new org.apache.hadoop.fs.Path(partial))) {
                o.write("half an output".getBytes(StandardCharsets.UTF_8));
            }
        }
        fs.setTimes(new org.apache.hadoop.fs.Path(stale), System.currentTimeMillis() - 60_000, -1);
        fs.setTimes(new org.apache.hadoop.fs.Path(live), System.currentTimeMillis() + 3_600_000, -1);
        fs.setTimes(new org.apache.hadoop.fs.Path(root + "/changed/takes/a.wav"), TAKEN.toMillis() + 1000, -1);
        Map<String, Long> read = accessed(root + "/changed/takes");

        TestSpark.Result again = TestSpark.cluster((Object[]) args);

        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("1 rendered (1 of them again: their outputs were made another way), "
                + "1 skipped"), again::toString);
        Map<String, Long> now = modified(out);
        String a = written.keySet().stream().filter(k -> k.endsWith("/a.wav")).findFirst().orElseThrow();
        String b = written.keySet().stream().filter(k -> k.endsWith("/b.wav")).findFirst().orElseThrow();
        assertTrue(now.get(a) > written.get(a), "the output of the input with a new time is written again");
        assertEquals(written.get(b), now.get(b), "the other is not");
        Map<String, Long> readAgain = accessed(root + "/changed/takes");
        assertTrue(readAgain.get("a.wav") > read.get("a.wav"), "the changed input is read");
        assertEquals(read.get("b.wav"), readAgain.get("b.wav"), "the unchanged one is not");
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(stale)), "the killed write's temporary is removed");
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(live)), "a temporary younger than the run is kept");
        assertTrue(again.err().contains("removed 1 file left in " + folder + " by a namcl run that was killed"),
                again::toString);
    }

    @Test
    void aTaskThatFailsOnItsFirstAttemptLeavesACompleteTreeOnHdfs() throws IOException {
        Path models = dir.resolve("models");
        TestModels.copy(TestModels.DEMONET, models);
        TestModels.copy(TestModels.NANO, models);
        Path takes = dir.resolve("takes");
        for (int k = 0; k < 4; k++) {
            TestAudio.write(takes.resolve("t" + k + ".wav"), TestAudio.signal(3000 + 500 * k, 30 + k));
        }
        upload(models, "retry/models");
        upload(takes, "retry/takes");
        Path single = dir.resolve("single");
        String out = root + "/retry/out";
        TestSpark.namcl("render", "-m", models, takes, "-o", single, "--engine", "cpu");

        TestSpark.session().sparkContext().setLocalProperty(InjectedFailure.FIRST_ATTEMPT, "true");
        TestSpark.Result job;
        try {
            job = TestSpark.cluster("render", "-m", root + "/retry/models", root + "/retry/takes", "-o", out,
                    "--engine", "cpu", "--partitions", 2);
        } finally {
            TestSpark.session().sparkContext().setLocalProperty(InjectedFailure.FIRST_ATTEMPT, null);
        }

        assertEquals(0, job.code(), job::toString);
        // two tasks; each first attempt rendered one pair and failed, and its retry skipped that pair
        assertTrue(job.err().contains("namcl: 6 rendered, 2 skipped"), job::toString);
        assertTrue(job.err().contains(", 0 failed;"), job::toString);
        Map<String, String> expected = FileTrees.digests(single);
        assertEquals(8, expected.size());
        assertEquals(expected.keySet(), modified(out).keySet(), "every output once, no temporaries");
        Path fetched = dir.resolve("fetched");
        fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(out), new org.apache.hadoop.fs.Path(fetched.toUri()),
                true);
        assertEquals(expected, FileTrees.digests(fetched), "byte for byte");
    }

    @Test
    void aModelOnHdfsAmongTheInputsIsRefusedAsRenderRefusesALocalOne() throws IOException {
        Path models = dir.resolve("models");
        Path nano = TestModels.copy(TestModels.NANO, models);
        upload(models, "refused/models");
        String remote = root + "/refused/models/" + nano.getFileName();

        TestSpark.Result one = TestSpark.namcl("render", "-m", nano, nano, "-o", dir.resolve("out"));
        TestSpark.Result job = TestSpark.cluster("render", "-m", nano, remote, "-o", root + "/refused/out");

        assertEquals(2, one.code(), one::toString);
        assertEquals(2, job.code(), job::toString);
        String refusal = one.err().lines().findFirst().orElseThrow();
        assertTrue(refusal.contains(nano + " is a model, not an input"), one::toString);
        assertEquals(refusal.replace(nano.toString(), remote), job.err().lines().findFirst().orElseThrow());
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(root + "/refused/out")), "before any work");
    }

    @Test
    void evalWithPairsOnHdfsEqualsNamclEval() throws IOException {
        Path models = dir.resolve("models");
        Path nano = TestModels.copy(TestModels.NANO, models);
        TestModels.copy(TestModels.DEMONET, models);
        Path pairs = dir.resolve("pairs");
        StringBuilder csv = new StringBuilder("input,target\n");
        for (int k = 0; k < 2; k++) {
            float[] x = TestAudio.signal(6000 + 1000 * k, 10 + k);
            TestAudio.write(pairs.resolve("di/take" + k + ".wav"), x);
            float[] y = TestModels.stream(TestModels.net(nano), x);
            TestAudio.write(pairs.resolve("targets/take" + k + ".wav"), Reamp.target(y, 20 + k, -1, 1e-4, 100));
            csv.append("di/take").append(k).append(".wav,targets/take").append(k).append(".wav\n");
        }
        Files.writeString(pairs.resolve("pairs.csv"), csv);
        upload(models, "eval/models");
        upload(pairs, "eval/pairs");

        TestSpark.Result one = TestSpark.namcl("eval", "-m", models, "--pairs", pairs.resolve("pairs.csv"),
                "--engine", "cpu", "--report", dir.resolve("single.json"), "--csv", dir.resolve("single.csv"));
        TestSpark.Result job = TestSpark.cluster("eval", "-m", root + "/eval/models", "--pairs",
                root + "/eval/pairs/pairs.csv", "--engine", "cpu", "--partitions", 2,
                "--report", root + "/eval/reports/cluster.json", "--csv", root + "/eval/reports/cluster.csv",
                "--html", root + "/eval/reports/cluster.html");

        assertEquals(0, one.code(), one::toString);
        assertEquals(0, job.code(), job::toString);
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("single.json").toFile()).get("results");
        assertEquals(List.of("cluster.csv", "cluster.html", "cluster.json"),
                List.copyOf(modified(root + "/eval/reports").keySet()), "the reports on HDFS, no temporaries");
        JsonNode actual = new ObjectMapper().readTree(read(root + "/eval/reports/cluster.json")).get("results");
        assertEquals(Files.readString(dir.resolve("single.csv")).lines().findFirst(),
                read(root + "/eval/reports/cluster.csv").lines().findFirst(), "the CSV's columns");
        assertEquals(5, read(root + "/eval/reports/cluster.csv").lines().count(), "a header and four rows");
        assertTrue(read(root + "/eval/reports/cluster.html").contains("</html>"), "the whole page");
        assertEquals(4, expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(actual.get(i).get("input").asText().startsWith(root + "/eval/pairs/di/"),
                    "the report names HDFS files: " + actual.get(i));
            assertEquals(withoutPaths(expected.get(i)), withoutPaths(actual.get(i)), "every metric and name");
        }
    }

    @Test
    void inputsAndPairsInAFolderAtTheFileSystemsRootKeepTheirWholeNames() throws IOException {
        String top = fs.getUri() + "/";
        TestAudio.write(dir.resolve("rooted.wav"), TestAudio.signal(2400, 6));
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(dir.resolve("rooted.wav").toUri()),
                new org.apache.hadoop.fs.Path(top + "rooted.wav"));
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(dir.resolve("rooted.wav").toUri()),
                new org.apache.hadoop.fs.Path(root + "/rooted-targets/rooted.wav"));
        ClusterPaths paths = new ClusterPaths(fs.getConf());

        List<InputRef> inputs = ClusterInputs.collect(paths, List.of(top), new FileRef(top + "rooted-out", true));
        List<EvalPairRef> pairs = new ClusterPairs(paths).fromPaths(top, root + "/rooted-targets");

        assertTrue(inputs.stream().anyMatch(in -> in.relative().equals("rooted.wav")), inputs::toString);
        for (InputRef in : inputs) { // the other tests' files are under the root too
            assertEquals(in.file().path(), top + in.relative());
        }
        EvalPairRef pair = pairs.stream().filter(p -> p.name().equals("rooted.wav")).findFirst().orElseThrow();
        assertEquals(top + "rooted.wav", pair.input().path());
        assertEquals(root + "/rooted-targets/rooted.wav", pair.target().path());
        assertEquals(null, pair.problem());
    }

    @Test
    void aRemotePairThatCannotBeScoredIsReportedByItsNamesOnHdfs() throws IOException {
        Path nano = TestModels.copy(TestModels.NANO, dir.resolve("models"));
        Path takes = dir.resolve("takes");
        TestAudio.write(takes.resolve("take.wav"), TestAudio.signal(4800, 7));
        upload(takes, "unpaired/di");
        String di = root + "/unpaired/di/take.wav";
        String target = root + "/unpaired/targets/take.wav";

        TestSpark.Result job = TestSpark.cluster("eval", "-m", nano, "--input", di, "--target", target,
                "--engine", "cpu", "--report", dir.resolve("report.json"));

        assertEquals(1, job.code(), job::toString);
        JsonNode result = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("results").get(0);
        assertEquals(di, result.get("input").asText(), result::toString);
        assertEquals(target, result.get("target").asText(), result::toString);
        assertEquals(di + ": no target: " + target + " does not exist", result.get("problem").asText());
    }

    /** A result less the paths of its model, DI and target (local in one run, on HDFS in the other). */
    private static JsonNode withoutPaths(JsonNode result) {
        ObjectNode r = result.deepCopy();
        r.remove(List.of("model", "input", "target"));
        return r;
    }

    /** Copies a local tree to {@code root/under}, every file with the time {@link #TAKEN}. */
    private static void upload(Path local, String under) throws IOException {
        try (Stream<Path> s = Files.walk(local)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, TAKEN);
                org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(root + "/" + under + "/"
                        + local.relativize(p).toString().replace('\\', '/'));
                fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(p.toUri()), to);
                fs.setTimes(to, TAKEN.toMillis(), -1);
            }
        }
    }

    /** An HDFS file's text. */
    private static String read(String uri) throws IOException {
        try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(uri))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every file under an HDFS folder (relative path) and when it was last opened. */
    private static Map<String, Long> accessed(String folder) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(folder), true);
             it.hasNext(); ) {
            LocatedFileStatus f = it.next();
            files.put(f.getPath().toString().substring(folder.length() + 1), f.getAccessTime());
        }
        return files;
    }

    /** Every file under an HDFS folder (relative path) and its modification time. */
    private static Map<String, Long> modified(String folder) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(folder);
        for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true); it.hasNext(); ) {
            LocatedFileStatus f = it.next();
            files.put(f.getPath().toString().substring(folder.length() + 1), f.getModificationTime());
        }
        return files;
    }
}
