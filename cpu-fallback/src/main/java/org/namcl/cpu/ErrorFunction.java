package org.namcl.cpu;

/**
 * erf(x) in double, allocation-free, for GELU on the audio thread (commons-math's {@code Erf}
 * allocates on every call). W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23, 1969; coefficients of his CALERF):
 * erf = x·R(x²) for |x| ≤ 0.46875; erfc = exp(−x²)·R(|x|) up to 4 and exp(−x²)/|x|·(1/√π − R(1/x²))
 * beyond; each near double precision.
 */
final class ErrorFunction {
    private static final double[] A = {3.16112374387056560e00, 1.13864154151050156e02,
        3.77485237685302021e02, 3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {2.36012909523441209e01, 2.44024637934444173e02,
        1.28261652607737228e03, 2.84423683343917062e03};
    private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594e00,
        6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02,
        1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
        2.15311535474403846e-8};
    private static final double[] D = {1.57449261107098347e01, 1.17693950891312499e02,
        5.37181101862009858e02, 1.62138957456669019e03, 3.29079923573345963e03,
        4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03};
    private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1,
        1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4,
        1.63153871373020978e-2};
    private static final double[] Q = {2.56852019228982242e00, 1.87295284992346725e00,
        5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3};
    private static final double ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;
    /** erfc(6) = 2.2e-17 is below half an ulp of 1: erf is ±1 from here on. */
    private static final double SATURATED = 6;

    private ErrorFunction() {
    }

    static double erf(double x) {
        double y = Math.abs(x);
        if (y <= 0.46875) {
            double ysq = x * x;
            double num = A[4] * ysq;
            double den = ysq;
            for (int i = 0; i < 3; i++) {
                num = (num + A[i]) * ysq;
                den = (den + B[i]) * ysq;
            }
            return x * (num + A[3]) / (den + B[3]);
        }
        if (y >= SATURATED) {
            return Math.signum(x);
        }
        double erfc = y <= 4 ? middle(y) : tail(y);
        // exp(−y²) as exp(−ysq²)·exp(−del), ysq = y rounded down to 1/16: y² loses no bits
        double ysq = Math.floor(y * 16) / 16;
        double del = (y - ysq) * (y + ysq);
        erfc *= Math.exp(-ysq * ysq) * Math.exp(-del);
        double r = (0.5 - erfc) + 0.5;
        return x < 0 ? -r : r;
    }

    /** erfc(y)·exp(y²) for 0.46875 < y ≤ 4. */
    private static double middle(double y) {
        double num = C[8] * y;
        double den = y;
        for (int i = 0; i < 7; i++) {
            num = (num + C[i]) * y;
            den = (den + D[i]) * y;
        }
        return (num + C[7]) / (den + D[7]);
    }

    /** erfc(y)·exp(y²) for y > 4. */
    private static double tail(double y) {
        double z = 1 / (y * y);
        double num = P[5] * z;
        double den = z;
        for (int i = 0; i < 4; i++) {
            num = (num + P[i]) * z;
            den = (den + Q[i]) * z;
        }
        return (ONE_OVER_SQRT_PI - z * (num + P[4]) / (den + Q[4])) / y;
    }
}
