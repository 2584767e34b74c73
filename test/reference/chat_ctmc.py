"""Reference for chatQueueMetrics (sim/analytic/chatQueue.ts) by a direct CTMC solve.

The chat queue: N agents each serving up to k chats; a chat served by an agent
with m chats proceeds at rate mu / stretch[m-1]; chats in service are spread as
evenly as possible over the agents (the approximation chatQueueMetrics makes),
so the system is a chain on n, the chats present. Here, independently of the
TypeScript:
- the death rate of each state is built from an explicit list of agent levels
  (fill the least-loaded agent, one chat at a time), not from a formula;
- the state probabilities come from a linear solve of the balance equations
  pi Q = 0 of the generator truncated where the tail is below 1e-60 (without
  patience, the geometric tail above N k is added in closed form);
- a chat that finds m waiting ahead is a tagged CTMC on "j ahead" (j = m..0) plus
  answered and abandoned: mpmath.expm of its generator gives the probabilities
  by t, its fundamental matrix the means (as tagged_ctmc.py does for Erlang A).
Run: /usr/bin/python3 test/reference/chat_ctmc.py
"""
from mpmath import mp, mpf, matrix, expm, lu_solve, inverse, exp, factorial

mp.dps = 30

CASES = [
    # agents, k, per hour, handle alone (s), stretch, patience (s) or None, t (s)
    (3, 2, 100, 240, [1, 1.3], 120, 30),
    (2, 3, 50, 300, [1, 1.25, 1.6], 200, 20),
    (4, 2, 80, 300, [1, 1], None, 30),
    (5, 3, 120, 360, [1, 1.2, 1.5], 300, 30),
]


def levels_rate(j, N, k, mu, stretch):
    levels = [0] * N
    for _ in range(j):
        i = min(range(N), key=lambda a: levels[a])
        levels[i] += 1
    return sum(m * mu / mpf(stretch[m - 1]) for m in levels if m > 0), sum(1 for m in levels if m > 0)


def case(N, k, per_hour, handle, stretch, patience, t):
    lam = mpf(per_hour) / 3600
    mu = 1 / mpf(handle)
    theta = 0 if patience is None else 1 / mpf(patience)
    C = N * k
    rates, busy = [], []
    for j in range(C + 1):
        r, b = levels_rate(j, N, k, mu, stretch)
        rates.append(r)
        busy.append(b)
    R = rates[C]
    # Truncation: with patience, extend until the product form's weight is negligible.
    if theta > 0:
        w, n = mpf(1), 0
        while True:
            n += 1
            d = rates[n] if n <= C else R + (n - C) * theta
            w *= lam / d
            if n > C and w < mpf(10) ** -40:
                break
        top = n
    else:
        top = C
    death = lambda n: rates[n] if n <= C else R + (n - C) * theta
    S = top + 1
    Q = matrix(S, S)
    for n in range(S):
        if n < top:
            Q[n, n + 1] = lam
        if n > 0:
            Q[n, n - 1] = death(n)
        Q[n, n] = -sum(Q[n, m] for m in range(S) if m != n)
    if theta == 0:
        # The chain above C is geometric: treat state C's outflow to C+1 as returning (a
        # censored chain), then scale: pi(C + i) = pi(C) rho^i.
        Q[C, C] += lam
    A = Q.T
    for m in range(S):
        A[S - 1, m] = mpf(1)
    b = matrix([0] * (S - 1) + [1])
    pi = lu_solve(A, b)
    if theta == 0:
        rho = lam / R
        extra = pi[C] * rho / (1 - rho)
        scale = 1 / (1 + extra)
        pi = [x * scale for x in pi]
        tail_mass = extra * scale
        pC = pi[C]
        probs = lambda n: pi[n] if n <= C else pC * rho ** (n - C)
        nmax = C + 600  # rho^600 negligible for the cases here
    else:
        probs = lambda n: pi[n]
        nmax = top
    below = sum(probs(n) for n in range(C))
    answered = below
    answered_within = below
    abandoned = mpf(0)
    abandoned_within = mpf(0)
    asa_num = mpf(0)
    wait_num = mpf(0)
    qlen = sum((n - C) * probs(n) for n in range(C + 1, nmax + 1))
    chats = sum(min(n, C) * probs(n) for n in range(0, nmax + 1))
    agents_busy = sum(busy[min(n, C)] * probs(n) for n in range(0, nmax + 1))
    for m in range(0, nmax - C + 1):
        pm = probs(C + m)
        if pm < mpf(10) ** -25:
            continue
        if theta == 0:
            # No abandonment: the wait is Erlang(m + 1, R); P(wait <= t) = P(Poisson(R t) >= m + 1).
            x = R * t
            answered_within += pm * (1 - sum(exp(-x) * x ** i / factorial(i) for i in range(m + 1)))
            answered += pm
            asa_num += pm * (m + 1) / R
            wait_num += pm * (m + 1) / R
            continue
        size = m + 3
        G = matrix(size, size)
        for j in range(m + 1):
            G[j, m + 1 if j == 0 else j - 1] += R + j * theta
            G[j, m + 2] += theta
            G[j, j] = -(R + j * theta + theta)
        P = expm(G * t)
        answered_within += pm * P[m, m + 1]
        abandoned_within += pm * P[m, m + 2]
        T = matrix(m + 1, m + 1)
        for a in range(m + 1):
            for c in range(m + 1):
                T[a, c] = -G[a, c]
        F = inverse(T)
        # absorption probabilities and E[time; answered] via F
        to_ans = matrix(m + 1, 1)
        to_ab = matrix(m + 1, 1)
        for j in range(m + 1):
            to_ans[j] = G[j, m + 1]
            to_ab[j] = G[j, m + 2]
        pa = (F * to_ans)[m]
        answered += pm * pa
        abandoned += pm * (F * to_ab)[m]
        # E[T 1{answered}] = sum_j F[m, j] * (F * to_ans)[j]
        h = F * to_ans
        asa_num += pm * sum(F[m, j] * h[j] for j in range(m + 1))
        wait_num += pm * sum(F[m, j] for j in range(m + 1))
    prob_wait = 1 - below
    sl = answered_within
    excl = below + (prob_wait - abandoned_within)
    return {
        'answerRate': answered,
        'abandonRate': abandoned,
        'probWait': prob_wait,
        'serviceLevel': sl,
        'serviceLevelExcludingShortAbandons': sl / excl,
        'asaSeconds': asa_num / answered,
        'meanWaitSeconds': wait_num,
        'meanQueueLength': qlen,
        'occupancy': agents_busy / N,
        'slotUtilisation': chats / C,
        'meanConcurrency': chats / agents_busy,
    }


if __name__ == '__main__':
    for c in CASES:
        out = case(*c)
        print(c)
        for key, value in out.items():
            print(f'  {key}: {mp.nstr(value, 20)}')
