"""Reference values for sim/stats/sequentialTest.ts: the exact operating characteristic
of Wald's SPRT of p0 = p - delta against p1 = p + delta on Bernoulli trials, truncated at
N trials and judged at the cap by the sign of the log-likelihood ratio.

Independent of the TypeScript: the walk is enumerated over (trials, successes) with exact
rationals (fractions.Fraction) for the probabilities, the boundaries compared with mpmath
logarithms at 50 digits (p - delta and p + delta from the doubles of p and delta, exactly;
a ratio within 1e-9 of a boundary crosses it, as in the TypeScript). Prints one row per case: p, delta, alpha, N, true P, P(reaches),
P(short), E[trials].

  /usr/bin/python3 test/reference/sequential_test.py
"""
from fractions import Fraction
import mpmath

mpmath.mp.dps = 50


def oc(p, delta, alpha, beta, n, true_p):
    p0, p1 = mpmath.mpf(p) - mpmath.mpf(delta), mpmath.mpf(p) + mpmath.mpf(delta)
    s, f = mpmath.log(p1 / p0), mpmath.log((1 - p1) / (1 - p0))
    upper = mpmath.log((1 - mpmath.mpf(beta)) / mpmath.mpf(alpha))
    lower = mpmath.log(mpmath.mpf(beta) / (1 - mpmath.mpf(alpha)))
    q = Fraction(true_p)
    running = {0: Fraction(1)}
    reach = short = Fraction(0)
    expected = Fraction(0)
    for t in range(1, n + 1):
        nxt = {}
        for k, m in running.items():
            nxt[k + 1] = nxt.get(k + 1, Fraction(0)) + m * q
            nxt[k] = nxt.get(k, Fraction(0)) + m * (1 - q)
        running = {}
        for k, m in nxt.items():
            llr = k * s + (t - k) * f
            tie = mpmath.mpf('1e-9')  # on a boundary within 1e-9 counts as crossing it, as in the TypeScript
            if llr >= upper - tie or (t == n and llr >= -tie):
                reach += m
                expected += m * t
            elif llr <= lower + tie or t == n:
                short += m
                expected += m * t
            else:
                running[k] = m
    return reach, short, expected


for case in [(0.9, 0.05, 0.1, 0.1, 60, 0.85), (0.9, 0.05, 0.1, 0.1, 60, 0.95), (0.9, 0.05, 0.1, 0.1, 60, 0.9),
             (0.8, 0.05, 0.05, 0.05, 40, 0.75), (0.8, 0.05, 0.05, 0.05, 40, 0.85)]:
    r, sh, e = oc(*case)
    print(case, float(r), float(sh), float(e))
