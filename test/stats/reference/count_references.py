"""Reference values for test/stats/countInterval.test.ts: the CDF and quantiles of a
Poisson count whose mean carries a gamma multiplier (mean 1, coefficient of variation cv),
i.e. the negative binomial with r = 1/cv^2, p = r/(r+mean); the Poisson when cv = 0.
Computed by direct summation of the probability mass function with mpmath at 50 digits
(no incomplete beta, no recurrence shared with the TypeScript).
Run: python3 test/stats/reference/count_references.py"""
import mpmath as mp
mp.mp.dps = 50

def pmf(j, mean, cv):
    mean = mp.mpf(mean)
    if cv == '0':
        return mp.exp(-mean) * mean**j / mp.factorial(j)
    cv = mp.mpf(cv)
    r = 1 / cv**2
    p = r / (r + mean)
    return mp.exp(mp.loggamma(r + j) - mp.loggamma(r) - mp.loggamma(j + 1)) * p**r * (1 - p)**j

def cdf(k, mean, cv):
    return mp.fsum(pmf(j, mean, cv) for j in range(k + 1))

def quantile(q, mean, cv):
    q = mp.mpf(q)
    total = mp.mpf(0)
    j = 0
    while True:
        total += pmf(j, mean, cv)
        if total >= q:
            return j
        j += 1

print('cdf')
for k, mean, cv in [(0, '2', '0'), (3, '2.5', '0'), (120, '100', '0'), (80, '100', '0'),
                    (950, '1000', '0'), (0, '2', '1'), (7, '4', '0.5'), (130, '100', '0.2'),
                    (60, '100', '0.3'), (1500, '1400', '0.05'), (10, '30', '0.001')]:
    print(f"  [{k}, {mean}, {cv}, {mp.nstr(cdf(k, mean, cv), 17)}],")
print('quantiles')
for q, mean, cv in [('0.1', '100', '0'), ('0.9', '100', '0'), ('0.1', '100', '0.1'), ('0.9', '100', '0.1'),
                    ('0.05', '20', '0.3'), ('0.95', '20', '0.3'), ('0.5', '0.3', '0'), ('0.9', '1400', '0.08'),
                    ('0.1', '1400', '0.08'), ('0.99', '5', '2')]:
    print(f"  [{q}, {mean}, {cv}, {quantile(q, mean, cv)}],")
