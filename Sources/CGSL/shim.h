#ifndef NUE_CGSL_SHIM_H
#define NUE_CGSL_SHIM_H

#include <stdint.h>
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

/* Word k of the next state from the current words k, k + 1 and m (Matsumoto & Nishimura's
   recurrence): y = upper bit of k | lower 31 bits of k + 1; m ^ (y >> 1) ^ (odd y ? 0x9908b0df : 0). */
static inline unsigned long cgsl_mt19937_next(unsigned long k, unsigned long k1, unsigned long m) {
    unsigned long y = (k & 0x80000000UL) | (k1 & 0x7fffffffUL);
    return m ^ (y >> 1) ^ ((0UL - (y & 1UL)) & 0x9908b0dfUL);
}

/* MT19937's tempering of one 32-bit word. */
static inline uint32_t cgsl_mt19937_temper(uint32_t k) {
    k ^= (k >> 11);
    k ^= (k << 7) & 0x9d2c5680U;
    k ^= (k << 15) & 0xefc60000U;
    k ^= (k >> 18);
    return k;
}

/* Four words at a time in 32-bit lanes: GSL keeps each word in an unsigned long, so four of them
   are packed into one vector (the low halves: little-endian layout) and unpacked when stored. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && __SIZEOF_LONG__ == 8
#define CGSL_MT19937_FOUR_LANES 1
typedef uint32_t cgsl_u32x4 __attribute__((vector_size(16)));
typedef unsigned long cgsl_u64x2 __attribute__((vector_size(16)));

static inline cgsl_u32x4 cgsl_mt19937_load4(const unsigned long *p) {
    cgsl_u64x2 a, b;
    __builtin_memcpy(&a, p, sizeof a);
    __builtin_memcpy(&b, p + 2, sizeof b);
    return __builtin_shufflevector((cgsl_u32x4)a, (cgsl_u32x4)b, 0, 2, 4, 6);
}

static inline void cgsl_mt19937_store4(unsigned long *p, cgsl_u32x4 v) {
    const cgsl_u32x4 zero = {0, 0, 0, 0};
    cgsl_u64x2 a = (cgsl_u64x2)__builtin_shufflevector(v, zero, 0, 4, 1, 4);
    cgsl_u64x2 b = (cgsl_u64x2)__builtin_shufflevector(v, zero, 2, 4, 3, 4);
    __builtin_memcpy(p, &a, sizeof a);
    __builtin_memcpy(p + 2, &b, sizeof b);
}

/* Words k…k + 3 of the next state at once from the current k…k + 4 and m…m + 3 (none of which
   these four change); returned as well, for the caller to temper. */
static inline cgsl_u32x4 cgsl_mt19937_next4(unsigned long *mt, int k, int m) {
    cgsl_u32x4 y = (cgsl_mt19937_load4(mt + k) & 0x80000000U) | (cgsl_mt19937_load4(mt + k + 1) & 0x7fffffffU);
    cgsl_u32x4 next = cgsl_mt19937_load4(mt + m) ^ (y >> 1) ^ ((-(y & 1U)) & 0x9908b0dfU);
    cgsl_mt19937_store4(mt + k, next);
    return next;
}

static inline cgsl_u32x4 cgsl_mt19937_temper4(cgsl_u32x4 k) {
    k ^= k >> 11;
    k ^= (k << 7) & 0x9d2c5680U;
    k ^= (k << 15) & 0xefc60000U;
    k ^= k >> 18;
    return k;
}
#endif

/* Refills the 624 words of an mt19937 state (Matsumoto & Nishimura's recurrence, the same
   words as GSL's generator) without a data-dependent branch (GSL's refill branches on the low bit
   of each word, a coin flip the CPU mispredicts half the time); four words per step where the
   words read are not among those written (0–223 and 227–622), the others one by one. With `out`,
   also writes the 624 new words tempered (what the next 624 gets return) and marks them all read
   (mti = 624): the words are tempered while in registers. */
static inline __attribute__((always_inline)) void cgsl_mt19937_refill_into(cgsl_mt19937_state *s, uint32_t *out) {
    unsigned long *const mt = s->mt;
    int kk = 0;
#ifdef CGSL_MT19937_FOUR_LANES
    for (; kk < 224; kk += 4) {
        cgsl_u32x4 next = cgsl_mt19937_next4(mt, kk, kk + 397);
        if (out) { next = cgsl_mt19937_temper4(next); __builtin_memcpy(out + kk, &next, sizeof next); }
    }
#endif
    for (; kk < 227; kk++) {
        mt[kk] = cgsl_mt19937_next(mt[kk], mt[kk + 1], mt[kk + 397]);
        if (out) out[kk] = cgsl_mt19937_temper((uint32_t)mt[kk]);
    }
#ifdef CGSL_MT19937_FOUR_LANES
    for (; kk < 623; kk += 4) {
        cgsl_u32x4 next = cgsl_mt19937_next4(mt, kk, kk + 397 - 624);
        if (out) { next = cgsl_mt19937_temper4(next); __builtin_memcpy(out + kk, &next, sizeof next); }
    }
#endif
    for (; kk < 623; kk++) {
        mt[kk] = cgsl_mt19937_next(mt[kk], mt[kk + 1], mt[kk + 397 - 624]);
        if (out) out[kk] = cgsl_mt19937_temper((uint32_t)mt[kk]);
    }
    mt[623] = cgsl_mt19937_next(mt[623], mt[0], mt[396]);
    if (out) out[623] = cgsl_mt19937_temper((uint32_t)mt[623]);
    s->mti = out ? 624 : 0;
}

static void cgsl_mt19937_refill(cgsl_mt19937_state *s) { cgsl_mt19937_refill_into(s, 0); }

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

/* Writes the next n tempered words of an mt19937 stream to out, in order: what n calls of
   cgsl_mt19937_get would return, four words per step; a whole state's worth from a refill is
   tempered as it is computed (cgsl_mt19937_refill_into), so large requests run mostly there. */
static inline void cgsl_mt19937_fill(cgsl_mt19937_state *s, uint32_t *out, long n) {
    while (n > 0) {
        if (s->mti >= 624) {
            if (n >= 624) {
                cgsl_mt19937_refill_into(s, out);
                out += 624;
                n -= 624;
                continue;
            }
            cgsl_mt19937_refill(s);
        }
        long m = 624 - s->mti;
        if (m > n) m = n;
        const unsigned long *src = s->mt + s->mti;
        long i = 0;
#ifdef CGSL_MT19937_FOUR_LANES
        for (; i + 4 <= m; i += 4) {
            cgsl_u32x4 k = cgsl_mt19937_temper4(cgsl_mt19937_load4(src + i));
            __builtin_memcpy(out + i, &k, sizeof k);
        }
#endif
        for (; i < m; i++) out[i] = cgsl_mt19937_temper((uint32_t)src[i]);
        s->mti += (int)m;
        out += m;
        n -= m;
    }
}

/* √x, IEEE-correctly rounded like sqrt, for two values at once (one sqrtpd on x86-64) and for one:
   without errno handling, where Swift's squareRoot calls libm's sqrt (Linux) one value at a time. */
typedef double cgsl_double2 __attribute__((ext_vector_type(2)));
static inline cgsl_double2 cgsl_square_root2(cgsl_double2 x) { return __builtin_elementwise_sqrt(x); }
static inline double cgsl_square_root(double x) { return __builtin_elementwise_sqrt(x); }

#endif
