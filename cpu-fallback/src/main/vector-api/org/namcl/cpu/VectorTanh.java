package org.namcl.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

/**
 * {@link FmaTanh} through the Vector API: the same operations in the same order, lane by lane, so
 * every result equals {@link FmaTanh#tanh(float)} bit for bit and its accuracy bounds hold
 * unchanged. Both forms are computed for every lane and the divisor and dividend of the one its
 * side of T needs are chosen before the one division (a form's value on the other side is never
 * used, so its overflow there is harmless). The clamp of x to ±m is a compare and a blend each,
 * which keep x where it ties with ±m (so tanh(-0) = -0) and where it is NaN, as Math.min/max do;
 * JDK 17 compiles a vector min or max to a sequence for NaN and zero ordering several times as
 * long.
 */
final class VectorTanh {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorTanh() {
    }

    static void tanhInPlace(float[] a, int from, int to) {
        FloatVector t = FloatVector.broadcast(S, FastTanh.T);
        FloatVector g7 = FloatVector.broadcast(S, FastTanh.G7);
        FloatVector g6 = FloatVector.broadcast(S, FastTanh.G6);
        FloatVector g4 = FloatVector.broadcast(S, FastTanh.G4);
        FloatVector g3 = FloatVector.broadcast(S, FastTanh.G3);
        FloatVector g2 = FloatVector.broadcast(S, FastTanh.G2);
        FloatVector g1 = FloatVector.broadcast(S, FastTanh.G1);
        FloatVector g0 = FloatVector.broadcast(S, FastTanh.G0);
        FloatVector k2 = FloatVector.broadcast(S, FastTanh.K2);
        FloatVector n2 = FloatVector.broadcast(S, FastTanh.N2);
        FloatVector n1 = FloatVector.broadcast(S, FastTanh.N1);
        FloatVector n0 = FloatVector.broadcast(S, FastTanh.N0);
        int i = from;
        // one body, no helper method: a vector returned from a call C2 does not inline is boxed
        for (; i + L <= to; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, i);
            FloatVector ax = x.abs();
            VectorMask<Float> large = ax.compare(GT, t);
            FloatVector s = ax.mul(ax);
            FloatVector g = s.fma(ax, g7).fma(ax, g6).mul(ax).fma(ax, g4).fma(ax, g3).fma(ax, g2).fma(ax, g1)
                    .fma(ax, g0);
            FloatVector dividend = s.fma(n2, n1).fma(s, n0).blend(FastTanh.K1, large);
            FloatVector q = dividend.div(s.add(FastTanh.Q0).blend(g.fma(g, k2), large));
            FloatVector m = ax.mul(s).neg().fma(q, ax).blend(q.neg().add(1f), large);
            FloatVector low = m.neg();
            FloatVector y = x.blend(low, x.compare(LT, low));
            y.blend(m, y.compare(GT, m)).intoArray(a, i);
        }
        for (; i < to; i++) {
            a[i] = FmaTanh.tanh(a[i]);
        }
    }
}
