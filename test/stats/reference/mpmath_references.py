"""Reference values for test/stats: Student t quantiles and CDF, incomplete beta and
log-beta by mpmath at 50 digits (scipy gives only the starting point of findroot).
Run: python3 test/stats/reference/mpmath_references.py"""
import mpmath as mp
mp.mp.dps = 50
half = mp.mpf(1)/2
def tail(t, nu):
    return mp.betainc(nu/2, half, 0, nu/(nu+t*t), regularized=True)/2
def q(p, nu):
    p = mp.mpf(p); nu = mp.mpf(nu)
    qq = min(p, 1-p)
    from scipy.stats import t as T
    t0 = abs(T.ppf(float(qq), float(nu)))
    r = mp.findroot(lambda t: tail(t, nu) - qq, mp.mpf(t0), tol=mp.mpf(10)**-45)
    return r if p > half else -r
rows=[]
for nu in ['1','2','3','4.5','9','29','100','1000']:
    for p in ['0.9','0.95','0.975','0.995','0.9995','0.025','1e-12']:
        rows.append(f"  [{p}, {nu}, {mp.nstr(q(p,nu),17)}],")
print("\n".join(rows))
print("cdf")
for t,nu in [('1.5','7'),('-3','2.5'),('0.1','30'),('-25','4'),('8','200')]:
    T=mp.mpf(t); NU=mp.mpf(nu)
    v = 1-tail(T,NU) if T>0 else tail(-T,NU)
    print(f"  [{t}, {nu}, {mp.nstr(v,17)}],")
print("ibeta")
for x,a,b in [('0.3','2.5','4'),('0.9','0.5','0.5'),('0.001','3','7'),('0.7','50','20'),('0.5','200','210')]:
    print(f"  [{x}, {a}, {b}, {mp.nstr(mp.betainc(mp.mpf(a),mp.mpf(b),0,mp.mpf(x),regularized=True),17)}],")
print("lbeta")
for a,b in [('500000','0.5'),('20','30'),('3','1e6'),('0.25','7')]:
    print(f"  [{a}, {b}, {mp.nstr(mp.log(mp.beta(mp.mpf(a),mp.mpf(b))),17)}],")
