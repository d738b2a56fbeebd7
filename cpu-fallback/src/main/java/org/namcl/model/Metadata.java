package org.namcl.model;

/**
 * The optional {@code metadata} of a {@code .nam} file. Every field may be null (absent).
 *
 * @param loudness        output loudness in dB (used to normalise players to -18 dB)
 * @param gain            the trainer's input gain estimate
 * @param validationEsr   training's validation error-to-signal ratio
 * @param date            ISO-like date string, when the file gives one
 */
public record Metadata(
        String name,
        String modeledBy,
        String gearType,
        String gearMake,
        String gearModel,
        String toneType,
        Double loudness,
        Double gain,
        Double inputLevelDbu,
        Double outputLevelDbu,
        Double validationEsr,
        String date) {

    /** A file without metadata. */
    public static final Metadata EMPTY =
            new Metadata(null, null, null, null, null, null, null, null, null, null, null, null);
}
