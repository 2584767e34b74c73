"""Reference values for erlangB and erlangC by direct summation at 60 digits.

B(c, A) = (A^c / c!) / sum_{k=0..c} A^k / k!
C(c, A) = (A^c / c! * c / (c - A)) / (sum_{k=0..c-1} A^k / k! + A^c / c! * c / (c - A))

Each term A^k / k! is formed directly with mpmath (arbitrary exponent range, so
no overflow), a method independent of the recurrence used in sim/analytic.
Run: /usr/bin/python3 test/reference/erlang_b_c.py
"""
from mpmath import mp, mpf, factorial

mp.dps = 60


def terms(c, a):
    a = mpf(a)
    return [a**k / factorial(k) for k in range(c + 1)]


def erlang_b(c, a):
    t = terms(c, a)
    return t[c] / sum(t)


def erlang_c(c, a):
    a = mpf(a)
    if a >= c:
        return mpf(1)
    t = terms(c, a)
    top = t[c] * c / (c - a)
    return top / (sum(t[:c]) + top)


CASES = [(5, 2), (14, 10), (1, 0.5), (10, 7.5), (100, 90), (500, 480), (1000, 950.5),
         (2000, 1900), (5000, 4900), (5000, 5000), (4900, 5000), (50, 10), (5000, 4500)]

if __name__ == '__main__':
    for c, a in CASES:
        print(f'[{c}, {a}, {float(erlang_b(c, a))!r}, {float(erlang_c(c, a))!r}],')
