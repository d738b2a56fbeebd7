package org.namcl.render;

/**
 * Java turns file names into paths through the locale's character set: under a C or POSIX
 * locale that is ASCII, and a name with other characters cannot become an output path. Such a
 * file fails alone, with this reason.
 */
final class UnmappableName {
    private UnmappableName() {
    }

    static String problem() {
        return "its name has characters that this locale's character set ("
                + System.getProperty("sun.jnu.encoding") + ") cannot write; run namcl under a UTF-8 locale "
                + "(the namcl launcher picks one where the system has it)";
    }
}
