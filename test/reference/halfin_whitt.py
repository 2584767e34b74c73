"""Reference values for halfinWhittBeta at 50 digits.

Solves alpha = 1 / (1 + beta Phi(beta) / phi(beta)) for beta by bisection
to 1e-40 (alpha falls as beta grows), Phi and phi from mpmath's ncdf and npdf (erfc-based, independent of
the series used in sim/analytic/squareRootStaffing.ts).
Run: /usr/bin/python3 test/reference/halfin_whitt.py
"""
from mpmath import mp, mpf, ncdf, npdf

mp.dps = 50


def alpha(beta):
    return 1 / (1 + beta * ncdf(beta) / npdf(beta))


for target in ['0.9', '0.5', '0.2', '0.1', '0.01', '1e-6', '1e-12']:
    a = mpf(target)
    lo, hi = mpf(0), mpf(40)
    while hi - lo > mpf('1e-40'):
        mid = (lo + hi) / 2
        if alpha(mid) > a:
            lo = mid
        else:
            hi = mid
    beta = (lo + hi) / 2
    print(f'[{target}, {float(beta)!r}],')
