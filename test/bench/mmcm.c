// The C reference of issue 15: a hand-written M/M/c+M loop, the speed a general simulator is
// compared with (npm run bench compiles it with cc -O2 -march=native when a C compiler is there).
// Kept unchanged from the project's shared bench folder.
// Hand-written M/M/c+M (Erlang A) simulation in C: the "physical limit" reference for
// a general event-driven call-center simulator on this machine. Events: arrivals and
// service completions in a binary heap; abandonment is resolved lazily (a waiting
// caller whose patience deadline has passed when an agent frees is counted abandoned),
// which is exact for answer rate, waits and service level.
// Usage: mmcm N_CALLS AGENTS LAMBDA_PER_MIN MEAN_SERVICE_MIN MEAN_PATIENCE_MIN SEED
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t s[4];
static inline uint64_t rotl(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline double u01(void) {
  const uint64_t r = s[0] + s[3], t = s[1] << 17;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
  return ((r >> 11) + 0.5) * 0x1.0p-53;
}
static inline double expo(double mean) { return -mean * log(u01()); }

// min-heap of service completion times (only completions need a heap: one arrival pending)
static double *heap; static int hn = 0;
static void hpush(double t) { int i = hn++; while (i > 0) { int p = (i - 1) >> 1; if (heap[p] <= t) break; heap[i] = heap[p]; i = p; } heap[i] = t; }
static double hpop(void) { double top = heap[0], x = heap[--hn]; int i = 0; for (;;) { int l = 2*i+1; if (l >= hn) break; int r = l+1, m = (r < hn && heap[r] < heap[l]) ? r : l; if (heap[m] >= x) break; heap[i] = heap[m]; i = m; } heap[i] = x; return top; }

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000; int c = argc > 2 ? atoi(argv[2]) : 100;
  double lam = argc > 3 ? atof(argv[3]) : 25.0, ms = argc > 4 ? atof(argv[4]) : 4.0, mp = argc > 5 ? atof(argv[5]) : 2.0;
  uint64_t seed = argc > 6 ? strtoull(argv[6], 0, 10) : 20240601;
  for (int i = 0; i < 4; i++) { seed += 0x9E3779B97F4A7C15ULL; uint64_t z = seed; z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL; z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL; s[i] = z ^ (z >> 31); }
  heap = malloc(sizeof(double) * (c + 1));
  // FIFO ring of waiting callers: arrival time and patience deadline
  long cap = 1 << 20; double *qa = malloc(sizeof(double) * cap), *qd = malloc(sizeof(double) * cap); long qh = 0, qt = 0;
  struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
  int busy = 0; long arrived = 0, answered = 0, abandoned = 0, sl20 = 0; double sumw = 0, now = 0, nextArr = expo(1.0 / lam);
  long events = 0;
  while (arrived < n || qh != qt || hn > 0) {
    if (arrived < n && (hn == 0 || nextArr < heap[0])) {
      now = nextArr; arrived++; events++;
      if (busy < c) { busy++; answered++; sl20++; hpush(now + expo(ms)); }
      else { qa[qt & (cap-1)] = now; qd[qt & (cap-1)] = now + expo(mp); qt++; }
      nextArr = arrived < n ? now + expo(1.0 / lam) : INFINITY;
    } else if (hn > 0) {
      now = hpop(); events++; busy--;
      while (qh != qt) {
        double a = qa[qh & (cap-1)], d = qd[qh & (cap-1)]; qh++;
        if (d < now) { abandoned++; continue; }
        double w = now - a; answered++; sumw += w; if (w <= 20.0 / 60.0) sl20++; busy++; hpush(now + expo(ms)); break;
      }
    } else { while (qh != qt) { qh++; abandoned++; } }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double sec = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
  printf("RESULT {\"engine\":\"hand-C\",\"n_offered\":%ld,\"answer_rate\":%.6f,\"abandon_rate\":%.6f,\"mean_wait_answered_s\":%.4f,\"sl20\":%.6f,\"run_s\":%.4f,\"calls_per_s\":%.0f,\"events\":%ld}\n",
         arrived, (double)answered / arrived, (double)abandoned / arrived, 60 * sumw / answered, (double)sl20 / arrived, sec, arrived / sec, events);
  return 0;
}
