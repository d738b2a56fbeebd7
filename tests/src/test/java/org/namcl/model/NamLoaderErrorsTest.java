package org.namcl.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files {@link NamLoader#load} must refuse: each case is a valid small model with one thing
 * broken, and the {@link ModelException} must name the file and say what is wrong.
 */
class NamLoaderErrorsTest {
    /** One array: 2 channels, kernel 2, dilations [1, 2], legacy head_size 1 with bias. */
    private static final String VALID = """
            {"version": "0.7.0", "architecture": "WaveNet", "sample_rate": 48000,
             "config": {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2,
                                    "kernel_size": 2, "dilations": [1, 2], "activation": "Tanh",
                                    "head_size": 1, "head_bias": true}],
                        "head_scale": 0.02},
             "weights": []}
            """;
    /**
     * rechannel 1·2; per layer: conv 2·2·2 + 2 bias, input_mixin 1·2, layer1x1 2·2 + 2 bias;
     * head rechannel 2·1 + 1 bias; head scale 1.
     */
    private static final int WEIGHTS = 1 * 2 + 2 * ((2 * 2 * 2 + 2) + 1 * 2 + (2 * 2 + 2)) + (2 * 1 + 1) + 1;
    /** Weights up to and including layer 0 and the first 5 of layer 1's conv (which needs 10). */
    private static final int WEIGHTS_ENDING_IN_LAYER_1_CONV = 1 * 2 + 18 + 5;

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void setUp() {
        file = dir.resolve("broken model.nam");
    }

    private static JsonEdit valid() {
        return JsonEdit.of(VALID).weights(WEIGHTS);
    }

    /** Writes {@code text} to the file, loads it and checks the message's file name and parts. */
    private String assertLoadFails(String text, String... messageParts) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ModelException e = assertThrows(ModelException.class, () -> NamLoader.load(file));
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), "message does not name the file: " + m);
        for (String part : messageParts) {
            assertTrue(m.contains(part), "message lacks \"" + part + "\": " + m);
        }
        return m;
    }

    private String assertLoadFails(JsonEdit edit, String... messageParts) {
        return assertLoadFails(edit.text(), messageParts);
    }

    @Test
    void theBaseModelLoads() {
        NamLoader.parse(valid().text(), "valid");
    }

    @Test
    void missingFile() {
        ModelException e = assertThrows(ModelException.class, () -> NamLoader.load(dir.resolve("absent.nam")));
        assertTrue(e.getMessage().contains("absent.nam") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void garbageIsNotJson() {
        assertLoadFails("RIFF....WAVEfmt this is a wav file", "not valid JSON");
    }

    @Test
    void truncatedJson() {
        String text = valid().text();
        assertLoadFails(text.substring(0, text.length() / 2), "not valid JSON");
    }

    @Test
    void emptyFile() {
        assertLoadFails("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2, 3]", "\"WaveNet\"", "42", "null"})
    void jsonThatIsNotAnObject(String text) {
        assertLoadFails(text, "not an object");
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({
            "/version,                    version",
            "/architecture,               architecture",
            "/config,                     config",
            "/weights,                    weights",
            "/config/layers,              layers",
            "/config/layers/0/channels,   channels",
            "/config/layers/0/dilations,  dilations",
            "/config/head_scale,          head_scale",
            "/config/layers/0/activation, activation",
            "/config/layers/0/head_size,  head_size",
    })
    void missingKey(String pointer, String key) {
        assertLoadFails(valid().remove(pointer), "missing key \"" + key + "\"");
    }

    @Test
    void missingKeyOfTheSecondLayerArraySaysWhichArray() {
        JsonEdit e = valid().set("/config/layers/1", """
                {"input_size": 2, "condition_size": 1, "kernel_size": 2, "dilations": [1],
                 "activation": "Tanh", "head_size": 1}""");
        assertLoadFails(e, "layer array 1", "missing key \"channels\"");
    }

    @Test
    void unknownArchitectureNamesTheSupportedOnes() {
        assertLoadFails(valid().set("/architecture", "\"Transformer\""),
                "Transformer", "WaveNet", "SlimmableContainer", "LSTM", "ConvNet", "Linear");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.8.0", "0.4.0", "1.0.0"})
    void unsupportedVersion(String version) {
        assertLoadFails(valid().set("/version", "\"" + version + "\""), "version " + version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0.5", ".", "0.5.banana", "-0.5.0"})
    void versionThatIsNotOfTheFormXyz(String version) {
        assertLoadFails(valid().set("/version", "\"" + version + "\""), "version \"" + version + "\"", "x.y.z");
    }

    /** Guards a former bug: "." splits into no parts, and parts[0] throws ArrayIndexOutOfBoundsException. */
    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void versionOfOnlyDots(String version) {
        assertLoadFails(valid().set("/version", "\"" + version + "\""), "version");
    }

    @Test
    void unknownActivationIsNamed() {
        assertLoadFails(valid().set("/config/layers/0/activation", "\"Swishy\""),
                "unknown activation \"Swishy\"", "Tanh", "LeakyReLU");
    }

    @Test
    void unknownActivationInAPerLayerList() {
        assertLoadFails(valid().set("/config/layers/0/activation", "[\"Tanh\", {\"type\": \"Snake\"}]"),
                "unknown activation \"Snake\"");
    }

    @Test
    void tooFewWeightsSaysExpectedFoundAndWhereTheyRanOut() {
        assertLoadFails(valid().weights(WEIGHTS_ENDING_IN_LAYER_1_CONV),
                "needs " + WEIGHTS + " weights", "has " + WEIGHTS_ENDING_IN_LAYER_1_CONV,
                "layer array 0 layer 1 conv");
    }

    @Test
    void oneWeightTooFewRunsOutAtTheHeadScale() {
        assertLoadFails(valid().weights(WEIGHTS - 1), "needs " + WEIGHTS + " weights", "head_scale");
    }

    @Test
    void tooManyWeightsSaysHowManyAreLeftOver() {
        assertLoadFails(valid().weights(WEIGHTS + 3),
                "needs " + WEIGHTS + " weights", "has " + (WEIGHTS + 3), "3 left over");
    }

    @Test
    void weightsThatAreNotAList() {
        assertLoadFails(valid().set("/weights", "{\"0\": 1.0}"), "weights");
    }

    @Test
    void weightThatIsNotANumber() {
        assertLoadFails(valid().set("/weights/4", "\"0.5\""), "weight 4");
    }

    @Test
    void nanWeightSaysWhichIndex() {
        JsonEdit e = valid().set("/weights/5", Double.NaN);
        assertTrue(e.text().contains(",NaN,"), "the file holds Python's bare NaN token");
        assertLoadFails(e, "weight 5", "NaN");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void infiniteWeightSaysWhichIndex(double value) {
        JsonEdit e = valid().set("/weights/7", value);
        assertTrue(e.text().contains("Infinity,"), "the file holds Python's bare Infinity token");
        assertLoadFails(e, "weight 7", "infinite");
    }

    @Test
    void weightBeyondFloatRangeIsInfinite() {
        assertLoadFails(valid().set("/weights/3", 1e39), "weight 3", "infinite");
    }

    @Test
    void groupsInputNotDividingChannels() {
        assertLoadFails(valid().set("/config/layers/0/groups_input", "3"),
                "layer array 0", "groups_input (3) does not divide channels (2)");
    }

    @Test
    void groupsInputMixinNotDividingConditionSize() {
        assertLoadFails(valid().set("/config/layers/0/groups_input_mixin", "2"),
                "groups_input_mixin (2) does not divide condition_size (1)");
    }

    @Test
    void layer1x1GroupsNotDividingChannels() {
        assertLoadFails(valid().set("/config/layers/0/layer1x1", "{\"active\": true, \"groups\": 3}"),
                "layer1x1 groups (3) does not divide");
    }

    @Test
    void head1x1GroupsNotDividingItsOutputs() {
        assertLoadFails(valid().set("/config/layers/0/head1x1", "{\"active\": true, \"out_channels\": 3, \"groups\": 2}"),
                "head1x1 groups (2) does not divide head1x1 out_channels (3)");
    }

    @Test
    void filmGroupsNotDividingConditionSize() {
        assertLoadFails(valid().set("/config/layers/0/conv_post_film", "{\"active\": true, \"groups\": 2}"),
                "conv_post_film groups (2) does not divide condition_size (1)");
    }

    /**
     * Guards a former bug: FiLM groups are checked against the condition size only, not against the FiLM's own
     * outputs ((shift ? 2 : 1)·dim), which a grouped conv needs as well (torch refuses such a
     * Conv1d). Here 3 groups over the 2 rows of conv_post_film (dim 2, no shift): the file loads,
     * and the engine then divides by outputs-per-group = 0 when building the FiLM.
     */
    @Test
    void filmGroupsNotDividingTheFilmOutputs() {
        JsonEdit e = valid()
                .set("/config/in_channels", "3")
                .set("/config/layers/0/input_size", "3")
                .set("/config/layers/0/condition_size", "3")
                .set("/config/layers/0/kernel_size", "1")
                .set("/config/layers/0/dilations", "[1]")
                .set("/config/layers/0/conv_post_film", "{\"active\": true, \"shift\": false, \"groups\": 3}")
                // rechannel 3·2; conv 2·2 + 2; mixin 3·2; layer1x1 2·2 + 2; the FiLM as the
                // loader counts it, 2·(3/3) + 2 bias; head 2 + 1; head scale 1
                .weights(6 + 6 + 6 + 6 + 4 + 3 + 1);
        assertLoadFails(e, "conv_post_film groups (3) does not divide");
    }

    @Test
    void inputSizeOfSecondArrayDiffersFromChannelsOfFirst() {
        JsonEdit e = valid().set("/config/layers/1", """
                {"input_size": 3, "condition_size": 1, "channels": 2, "kernel_size": 2, "dilations": [1],
                 "activation": "Tanh", "head_size": 1}""");
        assertLoadFails(e, "channel mismatch between arrays", "layer array 1 has input_size 3",
                "layer array 0 has 2 channels");
    }

    @Test
    void headOfFirstArrayNarrowerThanSecondArraysHeadButNotOne() {
        JsonEdit e = valid()
                .set("/config/layers/0/head_size", "2")
                .set("/config/layers/1", """
                        {"input_size": 2, "condition_size": 1, "channels": 2, "bottleneck": 3,
                         "kernel_size": 2, "dilations": [1], "activation": "Tanh", "head_size": 1}""");
        assertLoadFails(e, "channel mismatch between arrays", "head has 2 outputs",
                "accumulates a head of width 3");
    }

    @Test
    void sampleRateNull() {
        assertLoadFails(valid().set("/sample_rate", "null"), "\"sample_rate\" is null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-48000", "\"48k\""})
    void sampleRateNotAPositiveNumber(String value) {
        assertLoadFails(valid().set("/sample_rate", value), "sample_rate");
    }

    @Test
    void bothKernelSizeAndKernelSizes() {
        assertLoadFails(valid().set("/config/layers/0/kernel_sizes", "[2, 2]"),
                "exactly one of \"kernel_size\" and \"kernel_sizes\"");
    }

    @Test
    void neitherKernelSizeNorKernelSizes() {
        assertLoadFails(valid().remove("/config/layers/0/kernel_size"),
                "exactly one of \"kernel_size\" and \"kernel_sizes\"");
    }

    @Test
    void kernelSizesListShorterThanDilations() {
        assertLoadFails(valid().remove("/config/layers/0/kernel_size").set("/config/layers/0/kernel_sizes", "[2]"),
                "\"kernel_sizes\" must list one size per dilation (2)");
    }

    @Test
    void activationListLongerThanDilations() {
        assertLoadFails(valid().set("/config/layers/0/activation", "[\"Tanh\", \"Tanh\", \"Tanh\"]"),
                "\"activation\" lists 3 entries for 2 layers");
    }

    @Test
    void gatingModeListOfWrongLength() {
        assertLoadFails(valid().set("/config/layers/0/gating_mode", "[\"gated\"]"),
                "\"gating_mode\" lists 1 entries for 2 layers");
    }

    @Test
    void secondaryActivationListOfWrongLength() {
        assertLoadFails(valid().set("/config/layers/0/gating_mode", "\"gated\"")
                        .set("/config/layers/0/secondary_activation", "[\"Sigmoid\"]"),
                "\"secondary_activation\" lists 1 entries for 2 layers");
    }

    @Test
    void unknownGatingMode() {
        assertLoadFails(valid().set("/config/layers/0/gating_mode", "\"sometimes\""),
                "unknown gating_mode \"sometimes\"");
    }

    @Test
    void unknownGatingModeInAList() {
        assertLoadFails(valid().set("/config/layers/0/gating_mode", "[\"none\", \"gatd\"]"),
                "unknown gating_mode \"gatd\"");
    }

    @Test
    void preluWithWrongNumberOfSlopes() {
        assertLoadFails(valid().set("/config/layers/0/activation", "{\"type\": \"PReLU\", \"negative_slopes\": [0.1, 0.2, 0.3]}"),
                "PReLU has 3 slopes for 2 channels");
    }

    /**
     * Guards a former bug: per-channel PReLU slopes are checked for the layer activation only, not for the
     * secondary (gating) activation, which is applied per channel too: here 2 slopes for a
     * bottleneck of 3 load fine, and rendering then reads slope 2 (ArrayIndexOutOfBounds).
     */
    @Test
    void secondaryPreluWithWrongNumberOfSlopes() {
        JsonEdit e = valid()
                .set("/config/layers/0/bottleneck", "3")
                .set("/config/layers/0/gating_mode", "\"gated\"")
                .set("/config/layers/0/secondary_activation", "{\"type\": \"PReLU\", \"negative_slopes\": [0.1, 0.2]}")
                // rechannel 2; per layer: conv 2·6·2 + 6, mixin 6, layer1x1 3·2 + 2; head 3 + 1; head scale 1
                .weights(2 + 2 * (30 + 6 + 8) + 4 + 1);
        assertLoadFails(e, "PReLU has 2 slopes for 3 channels");
    }

    /**
     * Guards a former bug: the post-stack head's activation is not checked either: it runs on 1 row (the head
     * output) and then on 3 (the head's channels); 2 PReLU slopes fit neither, the file loads,
     * and rendering reads slope 2 (ArrayIndexOutOfBounds).
     */
    @Test
    void postHeadPreluWithWrongNumberOfSlopes() {
        JsonEdit e = valid()
                .set("/config/head", """
                        {"channels": 3, "out_channels": 1, "kernel_sizes": [1, 1],
                         "activation": {"type": "PReLU", "negative_slopes": [0.1, 0.2]}}""")
                // post-stack head: conv 1→3 (3 + 3 bias), conv 3→1 (3 + 1 bias)
                .weights(WEIGHTS + 6 + 4);
        assertLoadFails(e, "PReLU has 2 slopes");
    }

    /** Absurd sizes are refused before any buffer is sized from them (no overflow, no OOM). */
    @Test
    void hugeKernelSizeIsRefusedNotACrash() {
        assertLoadFails(valid().set("/config/layers/0/kernel_size", "1000000000"), "kernel size 1000000000", "1024");
    }

    /**
     * Guards a former bug: the condition DSP's input width is never compared with the model's input: a DSP that
     * reads 2 channels loads under a mono model, and rendering reads a second input row that does
     * not exist (ArrayIndexOutOfBounds).
     */
    @Test
    void conditionDspWithADifferentInputWidth() {
        JsonEdit dsp = JsonEdit.of(VALID)
                .set("/config/in_channels", "2")
                .set("/config/layers/0/input_size", "2")
                .set("/config/layers/0/condition_size", "2")
                // rechannel 2·2; per layer: conv 10, mixin 2·2, layer1x1 6; head 3; head scale 1
                .weights(4 + 2 * (10 + 4 + 6) + 3 + 1);
        NamLoader.parse(dsp.text(), "the condition DSP alone is valid");
        assertLoadFails(valid().set("/config/condition_dsp", dsp.text()), "condition");
    }

    @Test
    void conditionDspWithAnotherSampleRate() {
        JsonEdit dsp = valid().set("/sample_rate", "44100");
        assertLoadFails(valid().set("/config/condition_dsp", dsp.text()), "sample rate", "44100", "48000");
    }

    @Test
    void errorInsideTheConditionDspSaysSo() {
        JsonEdit dsp = valid().set("/config/layers/0/activation", "\"Swishy\"");
        assertLoadFails(valid().set("/config/condition_dsp", dsp.text()), "condition_dsp", "Swishy");
    }

    @Test
    void containerWithNoSubmodels() {
        assertLoadFails("""
                {"version": "0.7.0", "architecture": "SlimmableContainer", "sample_rate": 48000,
                 "config": {"submodels": []}, "weights": []}
                """, "\"submodels\" must be a non-empty list");
    }

    @Test
    void containerWithoutSubmodels() {
        assertLoadFails("""
                {"version": "0.7.0", "architecture": "SlimmableContainer", "config": {}, "weights": []}
                """, "missing key \"submodels\"");
    }

    @Test
    void containerSubmodelsOutOfOrder() {
        String sub = valid().text();
        assertLoadFails("""
                {"version": "0.7.0", "architecture": "SlimmableContainer",
                 "config": {"submodels": [{"max_value": 1.0, "model": %s}, {"max_value": 0.5, "model": %s}]},
                 "weights": []}
                """.formatted(sub, sub), "submodel 1", "max_value 0.5");
    }

    @Test
    void errorInsideAContainerSubmodelSaysWhichSubmodel() {
        String good = valid().text();
        String bad = valid().weights(WEIGHTS + 1).text();
        assertLoadFails("""
                {"version": "0.7.0", "architecture": "SlimmableContainer",
                 "config": {"submodels": [{"max_value": 0.5, "model": %s}, {"max_value": 1.0, "model": %s}]},
                 "weights": []}
                """.formatted(good, bad), "submodel 1", "1 left over");
    }
}
