"""Derives the constants of org.namcl.cpu.FastTanh (python3 with numpy and scipy).

With a = |x| and the switch point T = 1.1:
  a <= T: tanh a = a - a^3 M(a^2), where M(s) = (a - tanh a)/a^3 is replaced by a rational N(s)/Q(s) of
          degree (2, 1), fitted by the Remez exchange algorithm for minimax relative error on [0, (1.02 T)^2].
  a >  T: tanh a = 1 - 2/(1 + F(a)^2), where F(a) ~ e^a is a degree-10 polynomial with nonnegative
          coefficients (so F, and hence the result, is monotone and overflows harmlessly to 1). Its error
          matters only through the induced error in tanh, 2 r(a) |F(a)/e^a - 1| with r = 1 - tanh a, which is
          minimised (minimax, linear programming, iteratively refined) on [T/1.02, 9.5].
Both are rewritten in monic form, which saves a multiplication each, and printed as Java float literals.
"""
import numpy as np
from scipy.optimize import linprog, nnls

T, C, DEG_F = 1.1, 9.5, 10


def m_exact(s):
    a = np.sqrt(s)
    small = s < 1e-3  # series, to avoid cancellation
    return np.where(small, 1/3 - 2*s/15 + 17*s**2/315 - 62*s**3/2835,
                    (a - np.tanh(a)) / np.where(small, 1, a)**3)


def remez_rational(f, m, n, hi, iters=50, grid=200000):
    """Minimax relative approximation N/Q of f on [0, hi]; Q(0) = 1. Returns N, Q (ascending powers)."""
    k = m + n + 2
    pts = hi * (1 - np.cos(np.pi * (np.arange(k) + 0.5) / k)) / 2
    xs = hi * (1 - np.cos(np.linspace(0, np.pi, grid))) / 2
    powers = lambda x, lo, hi_: np.vander(x, hi_ + 1, increasing=True)[:, lo:]
    for _ in range(iters):
        fx, sign, q_prev = f(pts), (-1.0) ** np.arange(k), np.ones(k)
        for _ in range(50):  # solve N - f Q = sign E f Q_prev, linear in (N, Q, E); iterate on Q_prev
            a = np.hstack([powers(pts, 0, m), -fx[:, None] * powers(pts, 1, n), -(sign * fx * q_prev)[:, None]])
            sol = np.linalg.solve(a, fx)
            num, den = sol[:m + 1], np.r_[1.0, sol[m + 1:m + n + 1]]
            q_new = powers(pts, 0, n) @ den
            if np.allclose(q_new, q_prev, rtol=1e-15, atol=0):
                break
            q_prev = q_new
        err = (powers(xs, 0, m) @ num / (powers(xs, 0, n) @ den)) / f(xs) - 1
        runs = np.split(np.arange(len(xs)), np.nonzero(np.diff(np.sign(err)))[0] + 1)
        ext = np.array([r[np.argmax(np.abs(err[r]))] for r in runs])
        while len(ext) > k:  # drop the smaller end extremum
            ext = ext[1:] if abs(err[ext[0]]) < abs(err[ext[-1]]) else ext[:-1]
        if np.allclose(xs[ext], pts, rtol=0, atol=1e-13):
            break
        pts = xs[ext]
    return num, den, np.max(np.abs(err))


def positive_minimax_exp(lo, hi, deg, grid=4000, iters=8):
    """F(a) ~ e^a with coefficients >= 0, minimising max 2 r(a) |F(a) - e^a| / e^a. Ascending powers of a."""
    a = lo + (hi - lo) * (1 - np.cos(np.linspace(0, np.pi, grid))) / 2
    weight = 2 * (2 / (1 + np.exp(2 * a))) * np.exp(-a)
    v = weight[:, None] * np.vander(a / hi, deg + 1, increasing=True)  # scaled variable for conditioning
    target = weight * np.exp(a)
    c, _ = nnls(v, target)
    for _ in range(iters):  # minimax correction d >= -c by LP, constraints scaled to the current error
        res = v @ c - target
        scale = 1 / np.max(np.abs(res))
        ones = np.ones((grid, 1))
        lp = linprog(np.r_[np.zeros(deg + 1), 1.0],
                     A_ub=np.vstack([np.hstack([v * scale, -ones]), np.hstack([-v * scale, -ones])]),
                     b_ub=np.r_[-res, res] * scale, bounds=[(-ci, None) for ci in c] + [(0, None)], method='highs')
        c = np.maximum(c + lp.x[:-1], 0)
    return c / hi ** np.arange(deg + 1), np.max(np.abs(v @ c - target))


def java(v):
    return str(np.float32(v)) + 'f'


num, den, err_m = remez_rational(m_exact, 2, 1, (1.02 * T) ** 2)
f, err_f = positive_minimax_exp(T / 1.02, C, DEG_F)
print(f'// M: max relative error {err_m:.2e}; F: max induced tanh error {err_f:.2e}')
print('T =', java(T))
print('N (s^0..s^2, Q monic) =', [java(v / den[1]) for v in num], ' Q0 =', java(den[0] / den[1]))
print('G (a^0..a^9, monic; 0 = term dropped) =', [java(v / f[-1]) for v in f[:-1]])
print('K2 =', java(1 / f[-1] ** 2), ' K1 = 2 K2 =', java(2 / f[-1] ** 2))
