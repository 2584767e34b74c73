"""Reference values for test/stats/proportionInterval.test.ts, by mpmath at 50 digits:
the logit-t interval expit(logit(m) +/- t * s / (sqrt(n) m (1 - m))) with the t quantile
found by root-finding on mpmath's regularized incomplete beta, and the Wilson interval
from the roots of its quadratic (p - x)^2 = z^2 x (1 - x) / n, solved by mpmath's polyroots
(not the closed form the TypeScript uses).
Run: python3 test/stats/reference/proportion_interval.py"""
import mpmath as mp
mp.mp.dps = 50
half = mp.mpf(1) / 2

def t_quantile(p, nu):
    nu = mp.mpf(nu)
    tail = lambda t: mp.betainc(nu / 2, half, 0, nu / (nu + t * t), regularized=True) / 2
    return mp.findroot(lambda t: tail(t) - (1 - mp.mpf(p)), mp.mpf(2))

def logit_t(values, level):
    xs = [mp.mpf(v) for v in values]
    n = len(xs)
    m = mp.fsum(xs) / n
    s = mp.sqrt(mp.fsum((x - m) ** 2 for x in xs) / (n - 1))
    t = t_quantile(1 - (1 - mp.mpf(level)) / 2, n - 1)
    h = t * s / (mp.sqrt(n) * m * (1 - m))
    c = mp.log(m / (1 - m))
    expit = lambda x: 1 / (1 + mp.exp(-x))
    return m, expit(c - h), expit(c + h)

def wilson(k, n, level):
    z = mp.sqrt(2) * mp.erfinv(mp.mpf(level))
    p = mp.mpf(k) / n
    # (p - x)^2 n = z^2 x (1 - x)  <=>  (n + z^2) x^2 - (2 n p + z^2) x + n p^2 = 0
    roots = sorted(mp.re(r) for r in mp.polyroots([n + z * z, -(2 * n * p + z * z), n * p * p]))
    return roots

for values, level in [
    ([0.8, 0.85, 0.9, 0.95], 0.95),
    ([0.9991, 0.9999, 0.99995, 0.9987, 0.99999], 0.95),
    ([0.00002, 0.0001, 0.0, 0.00004], 0.9),
    ([0.5, 0.52, 0.48, 0.51, 0.49, 0.5], 0.99),
]:
    m, lo, hi = logit_t(values, level)
    print(values, level, mp.nstr(m, 17), mp.nstr(lo, 17), mp.nstr(hi, 17))
for k, n, level in [(9, 10, 0.95), (3, 4, 0.95), (0, 5, 0.95), (5, 5, 0.9), (1, 1, 0.95)]:
    print('wilson', k, n, level, [mp.nstr(r, 17) for r in wilson(k, n, level)])
