"""Fits RationalTanh's coefficients: tanh(x) ~ x P(x^2) / Q(x^2) on [0, 9], P of degree 4, Q of
degree 4 with Q(0) = 1, for least maximum absolute error (linearised least squares in u = (x/9)^2,
reweighted by Lawson's method), then prints the coefficients for s = x^2 rounded to float and the
float32 error of evaluating them as RationalTanh does."""
import numpy as np

CLAMP = 9.0
NP, NQ = 5, 4

x = np.linspace(0, CLAMP, 400001)[1:]
t = np.tanh(x)
u = (x / CLAMP) ** 2
w = np.ones_like(x)
best = None
for _ in range(200):
    # x P(u) - t (Q(u) - 1) = t, linear in the coefficients
    a = np.hstack([x[:, None] * u[:, None] ** np.arange(NP), -(t[:, None] * u[:, None] ** np.arange(1, NQ + 1))])
    sw = np.sqrt(w)
    c, *_ = np.linalg.lstsq(a * sw[:, None], t * sw, rcond=None)
    p, q = c[:NP], np.concatenate([[1.0], c[NP:]])
    err = np.abs(x * np.polyval(p[::-1], u) / np.polyval(q[::-1], u) - t)
    if best is None or err.max() < best[0]:
        best = (err.max(), p.copy(), q.copy())
    w = w * (err + 1e-30)
    w /= w.sum()

_, p, q = best
pf = (p / (CLAMP * CLAMP) ** np.arange(NP)).astype(np.float32)
qf = (q / (CLAMP * CLAMP) ** np.arange(NQ + 1)).astype(np.float32)
xs = np.linspace(-10, 10, 4000001).astype(np.float32)
xc = np.clip(xs, -CLAMP, CLAMP).astype(np.float32)
ss = (xc * xc).astype(np.float32)
num = np.zeros_like(ss)
for k in pf[::-1]:
    num = (num * ss + k).astype(np.float32)
den = np.zeros_like(ss)
for k in qf[::-1]:
    den = (den * ss + k).astype(np.float32)
y = (xc * num / den).astype(np.float32)
print("P", [repr(float(v)) for v in pf])
print("Q", [repr(float(v)) for v in qf])
print("float32 max abs error", np.abs(y.astype(np.float64) - np.tanh(xs.astype(np.float64))).max())
