package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** {@code namcl cluster render} on an embedded local[2] session, against {@code namcl render}. */
class ClusterRenderTest {
    @TempDir
    Path dir;
    Path models;
    Path inputs;

    /** Two models and five inputs in nested folders, of different lengths and channels. */
    @BeforeEach
    void batch() throws IOException {
        models = dir.resolve("models");
        TestModels.copy(TestModels.DEMONET, models);
        TestModels.copy(TestModels.NANO, models.resolve("more"));
        inputs = dir.resolve("takes");
        TestAudio.write(inputs.resolve("a.wav"), TestAudio.signal(4800, 1));
        TestAudio.write(inputs.resolve("b.wav"), TestAudio.signal(9001, 2), TestAudio.signal(9001, 3));
        TestAudio.write(inputs.resolve("sub/c.wav"), TestAudio.signal(2400, 4));
        TestAudio.write(inputs.resolve("sub/deeper/d.wav"), TestAudio.signal(12000, 5));
        TestAudio.write(inputs.resolve("sub/e.wav"), TestAudio.signal(100, 6));
    }

    @Test
    void theOutputsEqualNamclRendersByteForByte() {
        Path single = dir.resolve("single");
        Path cluster = dir.resolve("cluster");

        TestSpark.Result one = TestSpark.namcl("render", "-m", models, inputs, "-o", single, "--engine", "cpu",
                "--threads", 2, "--format", "pcm24", "--tail");
        TestSpark.Result job = TestSpark.cluster("render", "-m", models, inputs, "-o", "file://" + cluster,
                "--engine", "cpu", "--format", "pcm24", "--tail", "--partitions", 3);

        assertEquals(0, one.code(), one::toString);
        assertEquals(0, job.code(), job::toString);
        Map<String, String> expected = FileTrees.digests(single);
        assertEquals(10, expected.size(), "two models, five inputs");
        assertEquals(expected, FileTrees.digests(cluster));
        assertTrue(job.err().contains("10 rendered, 0 skipped, 0 failed"), job::toString);
    }

    @Test
    void aTaskThatFailsOnItsFirstAttemptIsRetriedAndLeavesACompleteTree() {
        Path single = dir.resolve("single");
        Path cluster = dir.resolve("cluster");
        TestSpark.namcl("render", "-m", models, inputs, "-o", single, "--engine", "cpu");

        TestSpark.session().sparkContext().setLocalProperty(InjectedFailure.FIRST_ATTEMPT, "true");
        TestSpark.Result job;
        try {
            job = TestSpark.cluster("render", "-m", models, inputs, "-o", cluster, "--engine", "cpu",
                    "--partitions", 2);
        } finally {
            TestSpark.session().sparkContext().setLocalProperty(InjectedFailure.FIRST_ATTEMPT, null);
        }

        assertEquals(0, job.code(), job::toString);
        // every output once, nothing else: no temporary files, claims or second copies
        assertEquals(FileTrees.digests(single), FileTrees.digests(cluster));
        // the first attempts rendered one pair each, which the retries skipped
        assertTrue(job.err().contains("namcl: 8 rendered, 2 skipped"), job::toString);
        assertTrue(job.err().contains(", 0 failed;"), job::toString);
    }

    @Test
    void aRerunSkipsEverything() {
        Path cluster = dir.resolve("cluster");
        TestSpark.Result first = TestSpark.cluster("render", "-m", models, inputs, "-o", cluster, "--engine", "cpu");
        Map<String, Long> written = FileTrees.modified(cluster);

        TestSpark.Result again = TestSpark.cluster("render", "-m", models, inputs, "-o", cluster, "--engine", "cpu");

        assertEquals(0, first.code(), first::toString);
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("0 rendered, 10 skipped"), again::toString);
        assertEquals(written, FileTrees.modified(cluster), "no file written again");
    }

    @Test
    void thePerPairTableIsWrittenAsParquetAndJsonLikeTheReport() throws IOException {
        Path results = dir.resolve("results");
        Path report = dir.resolve("run.json");
        Files.writeString(inputs.resolve("broken.wav"), "not a WAV file");

        TestSpark.Result job = TestSpark.cluster("render", "-m", models, inputs, "-o", dir.resolve("out"),
                "--engine", "cpu", "--results", results, "--report", report);

        assertEquals(1, job.code(), "the empty input fails: " + job);
        JsonNode pairs = new ObjectMapper().readTree(report.toFile()).get("pairs");
        assertEquals(12, pairs.size());
        for (String format : new String[] {"parquet", "json"}) {
            Dataset<Row> table = TestSpark.session().read().format(format)
                    .load(results.resolve("pairs." + format).toString());
            assertEquals(12, table.count(), format);
            assertEquals(2, table.filter("status = 'failed'").count(), format);
            for (JsonNode p : pairs) {
                Row row = table.filter(table.col("input").equalTo(p.get("input").asText())
                        .and(table.col("model").equalTo(p.get("model").asText()))).first();
                assertEquals(p.get("status").asText(), row.getAs("status"), format);
                assertEquals(p.get("output").isNull() ? null : p.get("output").asText(), row.getAs("output"), format);
            }
        }
        assertTrue(job.err().contains("broken.wav"), "one line names the bad file: " + job);
    }
}
