package org.namcl.cli;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Number options read as people write them: picocli then names the option, and the reason says
 * what was expected in words ({@code Invalid value for option '--threads': 'two' is not a whole
 * number}) rather than in Java types.
 */
final class NumberConverters {
    private NumberConverters() {
    }

    /** Registers the converters on {@code cmd} and its subcommands. */
    static CommandLine register(CommandLine cmd) {
        ITypeConverter<Integer> whole = s -> parse(s, "a whole number", Integer::valueOf);
        ITypeConverter<Double> number = s -> parse(s, "a number", Double::valueOf);
        return cmd.registerConverter(Integer.class, whole).registerConverter(int.class, whole)
                .registerConverter(Double.class, number).registerConverter(double.class, number);
    }

    private interface Parser<T> {
        T parse(String s);
    }

    private static <T> T parse(String s, String expected, Parser<T> parser) {
        try {
            return parser.parse(s);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + s + "' is not " + expected);
        }
    }
}
