"""Reference for one small case by a direct CTMC solve of the tagged caller.

Queue: 2 agents, 90 calls per hour, 60 s mean handle, 30 s mean patience,
3 waiting places, threshold 15 s. The state probabilities come from solving
the balance equations pi Q = 0 of the full 6-state generator (linear solve,
not the product form); the tagged caller who finds m callers queued is a
CTMC on "j callers ahead" (j = m..0) plus two absorbing states (answered,
abandoned): from j he moves to j - 1 at rate c mu + j theta (to answered from
j = 0 at rate c mu) and to abandoned at rate theta. expm(Q_tag t) gives the
probability of being answered / having abandoned by t. Means come from the
fundamental matrix (-Q_tag restricted to transient states)^-1.
Run: /usr/bin/python3 test/reference/tagged_ctmc.py
"""
from mpmath import mp, mpf, matrix, expm, lu_solve, inverse

mp.dps = 50

c, per_hour, handle, patience, room, t = 2, 90, 60, 30, 3, 15
lam, mu, theta = mpf(per_hour) / 3600, 1 / mpf(handle), 1 / mpf(patience)
N = c + room

# Full system generator on n = 0..N.
Q = matrix(N + 1, N + 1)
for n in range(N + 1):
    if n < N:
        Q[n, n + 1] = lam
    if n > 0:
        Q[n, n - 1] = min(n, c) * mu + max(n - c, 0) * theta
    Q[n, n] = -sum(Q[n, k] for k in range(N + 1) if k != n)
# Solve pi Q = 0 with sum(pi) = 1: replace one equation by the normalisation.
A = Q.T
for k in range(N + 1):
    A[N, k] = mpf(1)
b = matrix([0] * N + [1])
pi = lu_solve(A, b)

answered_within = sum(pi[n] for n in range(c))
abandoned_within = mpf(0)
answered = sum(pi[n] for n in range(c))
asa_num = mpf(0)
wait_num = mpf(0)
for m in range(room):  # admitted waiting arrivals see n = c + m
    size = m + 3  # transient j = 0..m, then answered (m+1), abandoned (m+2)
    G = matrix(size, size)
    for j in range(m + 1):
        G[j, m + 1 if j == 0 else j - 1] += c * mu + j * theta
        G[j, m + 2] += theta
        G[j, j] = -(c * mu + j * theta + theta)
    P = expm(G * t)
    answered_within += pi[c + m] * P[m, m + 1]
    abandoned_within += pi[c + m] * P[m, m + 2]
    T = matrix(m + 1, m + 1)
    for i in range(m + 1):
        for j in range(m + 1):
            T[i, j] = -G[i, j]
    F = inverse(T)  # expected time in each transient state
    p_answer = F[m, 0] * c * mu
    answered += pi[c + m] * p_answer
    # E[wait; answered]: Laplace-derivative of the killed chain = sum over states of time x ...
    # computed via the second fundamental matrix: E[tau 1{answered}] = (F^2)[m, 0] * c mu
    F2 = F * F
    asa_num += pi[c + m] * F2[m, 0] * c * mu
    wait_num += pi[c + m] * sum(F[m, j] for j in range(m + 1))

block = pi[N]
print(f'serviceLevel: {float(answered_within)!r}')
print(f'answerRate: {float(answered)!r}')
print(f'abandonedWithin: {float(abandoned_within)!r}')
print(f'serviceLevelExcludingShortAbandons: {float(answered_within / (1 - block - abandoned_within))!r}')
print(f'asaSeconds: {float(asa_num / answered)!r}')
print(f'meanWaitSeconds: {float(wait_num / (1 - block))!r}')
print(f'blockRate: {float(block)!r}')
