"""Reference values for retrialEquilibrium at 40 digits.

The failure share per attempt at a load of lambda attempts per second comes
from the directly summed birth-death chain (queue_metrics.chain):
abandoned = theta E[queue] / lambda, blocked = p(c + K). The fixed point
lambda = fresh * sum_{i=1..M} (r f(lambda))^(i-1) is found by bisection to
1e-35 relative, and the answer rates follow: per attempt 1 - f, per caller
(1 - f) * sum_{i=1..M} (r f)^(i-1).
Cases: (agents, freshCallsPerHour, meanHandleSeconds, meanPatienceSeconds,
waitingRoom or inf, redialProbability, maxAttempts or inf).
Run: /usr/bin/python3 test/reference/retrial.py
"""
from mpmath import mp, mpf, inf
from queue_metrics import chain

mp.dps = 40

CASES = [
    (60, 1000, 220, 90, inf, 0.5, 3),
    (60, 1000, 220, 90, inf, 0.5, inf),
    (10, 300, 180, 60, 5, 0.8, 5),
    (100, 2500, 220, 90, inf, 1, 4),
    (3, 60, 200, 100, 2, 0.3, 2),
]


def failure(c, per_hour, handle, patience, room):
    lam = mpf(per_hour) / 3600
    mu = 1 / mpf(handle)
    theta = 1 / mpf(patience)
    p = chain(c, lam, mu, theta, room)
    queue = sum((n - c) * p[n] for n in range(c + 1, len(p)))
    block = p[-1] if room != inf else mpf(0)
    return theta * queue / lam + block


def attempts(x, m):
    if m == inf:
        return 1 / (1 - x)
    return sum(x ** i for i in range(m))


for c, fresh, handle, patience, room, r, m in CASES:
    r = mpf(r)
    lo, hi = mpf(fresh), mpf(fresh) * attempts(r, m)
    while hi - lo > mpf('1e-35') * hi:
        mid = (lo + hi) / 2
        if fresh * attempts(r * failure(c, mid, handle, patience, room), m) >= mid:
            lo = mid
        else:
            hi = mid
    f = failure(c, lo, handle, patience, room)
    per_caller = (1 - f) * attempts(r * f, m)
    shown = ', '.join('Infinity' if v == inf else repr(v) for v in (c, fresh, handle, patience, room, float(r), m))
    print(f'[[{shown}], {float(lo)!r}, {float(1 - f)!r}, {float(per_caller)!r}],')
