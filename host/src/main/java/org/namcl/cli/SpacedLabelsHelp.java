package org.namcl.cli;

import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help that shows an option's value after a space ({@code -o OUTDIR}), as people type it and as
 * other tools document it. Parsing is unchanged: {@code --format=pcm24} still works.
 */
public final class SpacedLabelsHelp extends Help {
    /** Joins option and value while lines are wrapped, so a wrap never parts them; a space once laid out. */
    private static final String UNBROKEN = "\u00A0";

    /** Makes every command's help this one (namcl's commands and namcl cluster's). */
    public static final IHelpFactory FACTORY = SpacedLabelsHelp::new;

    private final IParamLabelRenderer labels;

    private SpacedLabelsHelp(CommandSpec spec, ColorScheme colors) {
        super(spec, colors);
        IParamLabelRenderer picocli = super.parameterLabelRenderer();
        labels = new IParamLabelRenderer() {
            @Override
            public Ansi.Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<Ansi.IStyle> styles) {
                Ansi.Text label = picocli.renderParameterLabel(arg, ansi, styles);
                String separator = picocli.separator();
                return arg.isOption() && label.plainString().startsWith(separator)
                        ? ansi.text(UNBROKEN).concat(label.substring(separator.length())) : label;
            }

            @Override
            public String separator() {
                return " ";
            }
        };
    }

    @Override
    public IParamLabelRenderer parameterLabelRenderer() {
        return labels;
    }

    @Override
    public String synopsis(int synopsisHeadingLength) {
        return super.synopsis(synopsisHeadingLength).replace(UNBROKEN, " ");
    }

    @Override
    public String optionList() {
        return super.optionList().replace(UNBROKEN, " ");
    }
}
