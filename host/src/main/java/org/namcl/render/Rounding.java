package org.namcl.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers of the report rounded to the digits that mean something, not float noise. */
final class Rounding {
    private Rounding() {
    }

    /** {@code x} to {@code places} decimal places (non-finite values as they are). */
    static double places(double x, int places) {
        return Double.isFinite(x) ? BigDecimal.valueOf(x).setScale(places, RoundingMode.HALF_EVEN).doubleValue() : x;
    }

    /** As {@link #places(double, int)}, null staying null. */
    static Double places(Double x, int places) {
        return x == null ? null : places(x.doubleValue(), places);
    }
}
