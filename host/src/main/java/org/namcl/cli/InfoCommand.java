package org.namcl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.namcl.model.ModelException;
import org.namcl.model.NamLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code namcl info}: what each model is. */
@Command(name = "info",
        usageHelpAutoWidth = true,
        header = "Show a model's architecture, size, sample rate and metadata.",
        description = {
            "For WaveNets: sample rate, receptive field, parameter count, and per layer array the channels, "
                + "bottleneck, layers, kernel sizes, dilations, activations, gating and head size; then the "
                + "condition DSP, slimming and submodels of containers, and the metadata (name, author, gear, "
                + "tone, loudness, levels, training ESR). LSTMs: layers, input and hidden size, start-up; "
                + "ConvNets: channels, dilations, batch norm, activation; Linear models: taps and bias.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":Every model was read.",
            ExitCodes.FAILED + ":Some model could not be read (see the messages)."},
        footerHeading = "%nExample:%n",
        footer = "  namcl info amp.nam pedal.nam")
final class InfoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODEL.nam", description = "The .nam files to describe.")
    private List<Path> models;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = ExitCodes.OK;
        boolean first = true;
        for (Path model : models) {
            try {
                String text = ModelDescription.of(NamLoader.load(model));
                out.print((first ? "" : "\n") + text);
                first = false;
            } catch (ModelException e) {
                err.println("namcl: error: " + e.getMessage());
                code = ExitCodes.FAILED;
            }
            out.flush();
            err.flush();
        }
        return code;
    }
}
