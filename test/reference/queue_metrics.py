"""Reference values for queueMetrics (M/M/c, M/M/c+M, M/M/c/K+M) at 50 digits.

Independent of the code path in sim/analytic/queueMetrics.ts (which uses ratio
recurrences and negative-binomial phase counts):
- State probabilities p_n by DIRECT summation of the birth-death chain: each
  unnormalised weight is formed as a product lambda^n / prod(death rates) in
  mpmath (no overflow), summed until the terms fall below 1e-70 of the total.
- Waiting times by direct numerical integration (mpmath quad, 50 digits) of
  the density of the offered wait V of an arriving caller who must wait
  (Baccelli & Hebuterne 1981; Zeltyn & Mandelbaum 2005), for m = 0..K-1 queued
  ahead summed:  f(s) = p_c c mu e^{-c mu s} sum_{k=0}^{K-1} x(s)^k / k!
  (integrated without the factor p_c, which multiplies the result, so that
  quad's absolute tolerance is a relative one),
  x(s) = lambda (1 - e^{-theta s}) / theta  (lambda s when theta = 0).
  A caller with patience tau ~ Exp(theta) is answered iff V < tau, so
    answered within t  = P(no wait) + int_0^t f(s) e^{-theta s} ds
    abandoned within t = int_0^inf f(s) (1 - e^{-theta min(s, t)}) ds
    E[wait; answered]  = int_0^inf s f(s) e^{-theta s} ds
    E[min(V, tau)]     = int_0^inf f(s) (1 - e^{-theta s}) / theta ds
- Cross-checks printed to stderr: the answered share from the integral must
  equal the chain's carried load mu E[busy] / lambda, abandonment must
  equal theta E[queue] / lambda, and the mean wait must satisfy Little's law
  (relative difference printed); quad's error estimates above 1e-30 relative
  are printed too.
Cases: (agents, arrivalsPerHour, meanHandleSeconds, meanPatienceSeconds or inf,
waitingRoom or inf, answerWithinSeconds). Output: one JSON-like row per case.
Run: /usr/bin/python3 test/reference/queue_metrics.py [--random | '[[c, perHour, handle, patience|null, room|null, t], ...]']
"""
import sys
from mpmath import mp, mpf, exp, expm1, inf, quad, gammainc, log

mp.dps = 50

CASES = [
    (14, 200, 180, inf, inf, 20),
    (14, 200, 180, 90, inf, 20),
    (14, 200, 180, 90, 5, 20),
    (14, 200, 180, inf, 5, 20),
    (2, 90, 60, 30, 3, 15),
    (1, 10, 300, 60, 0, 10),
    (0, 100, 200, 60, inf, 10),
    (30, 600, 240, 200, 10, 0),
    (20, 300, 200, 60, inf, 3600),
    (10, 1000, 300, 20, 50, 30),
    (100, 2000, 220, 90, inf, 20),
    (50, 1500, 220, 90, inf, 20),
    (1000, 15000, 220, 90, inf, 20),
    (1000, 18000, 220, 90, inf, 20),
    (3000, 50000, 200, 1e6, inf, 20),
    (5000, 80000, 220, 90, inf, 30),
    (5000, 100000, 180, 120, inf, 20),
    (4000, 100000, 180, 120, inf, 20),
    (400, 10000, 180, 300, 25, 60),
]


def chain(c, lam, mu, theta, room):
    """Unnormalised weights w[n] = prod_{k=1..n} lam / death(k), summed directly."""
    def death(n):
        return n * mu if n <= c else c * mu + (n - c) * theta
    weights = [mpf(1)]
    n = 0
    total = mpf(1)
    queue_mass = mpf(0)
    while True:
        if room != inf and n == c + room:
            break
        n += 1
        w = weights[-1] * lam / death(n)
        weights.append(w)
        total += w
        if n >= c:
            queue_mass += w
        # past the mode the ratios fall, so the rest is below a geometric series:
        # stop when it is negligible against the queue states already summed
        if room == inf and n > c + 1 and lam < death(n) and w < queue_mass * mpf(10) ** -70:
            break
    return [w / total for w in weights]


def metrics(c, per_hour, handle, patience, room, t):
    lam = mpf(per_hour) / 3600
    mu = 1 / mpf(handle)
    theta = mpf(0) if patience == inf else 1 / mpf(patience)
    t = mpf(t)
    p = chain(c, lam, mu, theta, room)
    top = len(p) - 1
    below = sum(p[:c])
    block = p[top] if room != inf else mpf(0)
    admitted_wait = [p[n] for n in range(c, top + 1) if room == inf or n < c + room]
    prob_wait = sum(admitted_wait)
    queue = sum((n - c) * p[n] for n in range(c + 1, top + 1))
    busy = sum(min(n, c) * p[n] for n in range(top + 1))
    cmu = c * mu
    pc = p[c] if c <= top else mpf(0)
    if room == 0 or c > top:
        f = None
    else:
        def x(s):
            return lam * s if theta == 0 else lam * (-expm1(-theta * s)) / theta

        def f(s):
            xs = x(s)
            if room == inf:
                series = exp(xs)
            else:
                series = exp(xs) * gammainc(room, xs, inf, regularized=True)
            # without the factor p_c: quad's tolerance is absolute, so integrate an O(1)
            # function and multiply by p_c afterwards (see integral())
            return cmu * exp(-cmu * s) * series

    def integral(g, a, b):
        # integrates g built on f without p_c, returns p_c times the integral
        # split the range where the integrand has its bulk (around the mode of f)
        pts = [a]
        if f is not None and theta > 0 and lam > cmu and cmu > 0:
            peak = log(lam / cmu) / theta
            if a < peak < b:
                pts.append(peak)
        scale = 1 / (cmu + theta) if cmu + theta > 0 else mpf(1)
        k = 1
        while a + scale * k < b and k < 2 ** 12:
            if all(abs(a + scale * k - q) > scale / 10 for q in pts):
                pts.append(a + scale * k)
            k *= 2
        pts = sorted(pts) + [b]
        value, error = quad(g, pts, error=True, maxdegree=10)
        if error > abs(value) * mpf(10) ** -30:
            print(f'quad error estimate {mp.nstr(error, 3)} for {mp.nstr(value, 10)}', file=sys.stderr)
        return pc * value

    if f is None or c == 0:
        ans_q = ans_within_q = asa_num = mpf(0)
        if c == 0 and theta > 0:
            ab_within = prob_wait * (-expm1(-theta * t))
            wait_num = prob_wait / theta
        else:
            ab_within = mpf(0)
            wait_num = mpf(0)
    else:
        ans_q = integral(lambda s: f(s) * exp(-theta * s), 0, inf)
        ans_within_q = integral(lambda s: f(s) * exp(-theta * s), 0, t) if t > 0 else mpf(0)
        asa_num = integral(lambda s: s * f(s) * exp(-theta * s), 0, inf)
        if theta > 0:
            ab_within = (integral(lambda s: f(s) * (-expm1(-theta * s)), 0, t) if t > 0 else 0) + (
                -expm1(-theta * t)) * integral(f, t, inf)
            wait_num = integral(lambda s: f(s) * (-expm1(-theta * s)) / theta, 0, inf)
        else:
            ab_within = mpf(0)
            wait_num = asa_num
    answer = below + ans_q
    # cross-checks against the chain alone
    if lam > 0:
        print(f'case {c, per_hour, handle, patience, room, t}: answered integral - carried/offered = '
              f'{mp.nstr(answer - mu * busy / lam, 5)}; abandoned - theta E[Q]/lambda = '
              f'{mp.nstr((prob_wait - ans_q) - theta * queue / lam, 5)}; '
              f'Little: {mp.nstr(queue / (lam * (1 - block)) / (wait_num / (1 - block)) - 1 if wait_num > 0 else 0, 5)}',
              file=sys.stderr)
    sl = below + ans_within_q
    return dict(
        offeredErlangs=lam / mu,
        answerRate=answer,
        abandonRate=theta * queue / lam if lam > 0 else prob_wait - ans_q,
        blockRate=block,
        probWait=prob_wait,
        serviceLevel=sl,
        serviceLevelOfAnswered=sl / answer if answer > 0 else mpf(0),
        serviceLevelExcludingShortAbandons=sl / (1 - block - ab_within),
        asaSeconds=asa_num / answer if answer > 0 else inf,
        meanWaitSeconds=wait_num / (1 - block) if 1 - block > 0 else mpf(0),
        occupancy=busy / c if c > 0 else mpf(0),
        meanQueueLength=queue,
    )


def random_cases():
    """27 spot checks: 24 drawn with seed 7 over agents, load, handle, patience,
    room and threshold (no unstable Erlang C), and 3 large fixed ones."""
    import random
    random.seed(7)
    cases = []
    for _ in range(24):
        c = random.choice([1, 2, 5, 17, 60, 250, 1000, 3000, 5000])
        a = c * random.choice([0.3, 0.7, 0.9, 0.98, 1.0, 1.1, 1.5, 3.0])
        h = random.choice([30, 60, 180, 220, 600])
        pat = random.choice([None, 5, 30, 90, 600, 5000])
        room = random.choice([None, None, 0, 1, 7, 40])
        t = random.choice([0, 1, 15, 20, 60, 600])
        if pat is None and room is None and a >= c:
            a = c * 0.95
        cases.append([c, a * 3600 / h, h, pat, room, t])
    cases += [[5000, 5000 * 3600 / 60, 60, 120, None, 60], [5000, 4500 * 3600 / 60, 60, None, None, 60],
              [3000, 3100 * 3600 / 30, 30, 10, None, 300]]
    return [tuple(inf if v is None else v for v in case) for case in cases]


if __name__ == '__main__':
    # Optional: --random for the spot checks, or a JSON list of cases, replaces CASES.
    if len(sys.argv) > 1 and sys.argv[1] == '--random':
        CASES = random_cases()
    elif len(sys.argv) > 1:
        import json
        CASES = [tuple(inf if v is None else v for v in case) for case in json.loads(sys.argv[1])]
    for case in CASES:
        m = metrics(*case)
        fields = ', '.join(f'{k}: {float(v)!r}' for k, v in m.items())
        shown = ', '.join('Infinity' if v == inf else repr(v) for v in case)
        print(f'[[{shown}], {{ {fields} }}],'.replace('inf', 'Infinity'))
