#ifndef NUE_CGSL_SHIM_H
#define NUE_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_spline.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_coulomb.h>
#include <gsl/gsl_sf_result.h>
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sf_dilog.h>
#include <gsl/gsl_vector.h>

/* Swift 6 rejects direct references to GSL's global generator types as shared mutable state. */
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_root_fsolver_type *cgsl_root_fsolver_brent(void) { return gsl_root_fsolver_brent; }
static inline const gsl_min_fminimizer_type *cgsl_min_fminimizer_brent(void) { return gsl_min_fminimizer_brent; }
static inline const gsl_multimin_fminimizer_type *cgsl_multimin_fminimizer_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }
static inline const gsl_interp_type *cgsl_interp_cspline(void) { return gsl_interp_cspline; }
static inline const gsl_interp_type *cgsl_interp_linear(void) { return gsl_interp_linear; }
static inline const gsl_interp_type *cgsl_interp_steffen(void) { return gsl_interp_steffen; }

/* The mt19937 state layout of GSL 2.x (mt19937.c): 624 words and the position. Lets nue seed
   the whole state from a 64-bit master seed and a stream index instead of GSL's 32-bit seed. */
typedef struct { unsigned long mt[624]; int mti; } cgsl_mt19937_state;

/* Refills the 624 words of an mt19937 state (Matsumoto & Nishimura's recurrence, the same
   words as GSL's generator) without a data-dependent branch: GSL's refill branches on the low bit
   of each word, a coin flip the CPU mispredicts half the time. */
static void cgsl_mt19937_refill(cgsl_mt19937_state *s) {
    unsigned long *const mt = s->mt;
    int kk;
    for (kk = 0; kk < 624 - 397; kk++) {
        unsigned long y = (mt[kk] & 0x80000000UL) | (mt[kk + 1] & 0x7fffffffUL);
        mt[kk] = mt[kk + 397] ^ (y >> 1) ^ ((0UL - (y & 1UL)) & 0x9908b0dfUL);
    }
    for (; kk < 623; kk++) {
        unsigned long y = (mt[kk] & 0x80000000UL) | (mt[kk + 1] & 0x7fffffffUL);
        mt[kk] = mt[kk + 397 - 624] ^ (y >> 1) ^ ((0UL - (y & 1UL)) & 0x9908b0dfUL);
    }
    {
        unsigned long y = (mt[623] & 0x80000000UL) | (mt[0] & 0x7fffffffUL);
        mt[623] = mt[396] ^ (y >> 1) ^ ((0UL - (y & 1UL)) & 0x9908b0dfUL);
    }
    s->mti = 0;
}

/* The next tempered 32-bit word of an mt19937 stream: what gsl_rng_get returns, without GSL's
   call layers; interleaves freely with GSL's own draws on the same state. */
static inline unsigned long cgsl_mt19937_get(cgsl_mt19937_state *s) {
    if (__builtin_expect(s->mti >= 624, 0)) cgsl_mt19937_refill(s);
    unsigned long k = s->mt[s->mti];
    s->mti++;
    k ^= (k >> 11);
    k ^= (k << 7) & 0x9d2c5680UL;
    k ^= (k << 15) & 0xefc60000UL;
    k ^= (k >> 18);
    return k;
}

/* One uniform in [0, 1) from an mt19937 stream: the same number as gsl_rng_uniform (word / 2^32). */
static inline double cgsl_mt19937_uniform(cgsl_mt19937_state *s) {
    return cgsl_mt19937_get(s) / 4294967296.0;
}

#endif
