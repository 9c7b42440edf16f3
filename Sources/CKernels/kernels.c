#include "ckernels.h"
#include <math.h>

/* Each product and sum rounded on its own: the two paths must give the same bits. */
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int nue_kernels_have_avx2(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!(c & bit_OSXSAVE) || !(c & bit_AVX)) return 0;
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 6) != 6) return 0; /* XMM and YMM state enabled by the operating system */
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    return (b & bit_AVX2) ? 1 : 0;
}
#else
int nue_kernels_have_avx2(void) { return 0; }
#endif

static inline double square_root(double x) { return __builtin_elementwise_sqrt(x); }

/* A fast event (E_reco = x in [fastLow, fastHigh)) added to the cumulative counts local[]. */
static inline void count_fast(const nue_entry_constants *c, double x, int64_t *local) {
    local[0] += 1;
    for (int64_t e = c->first + 1; e <= c->final; e++) local[e - c->first] += x >= c->edges[e];
}

/* Event i, one at a time. Returns 1 when flagged. */
static inline int entry_event(const nue_entry_constants *c, int64_t i, uint32_t position, uint32_t word, double *visible,
                              int64_t *local) {
    double t = c->isLine ? c->lowerEnergy : c->lowerEnergy + c->width * ((double)position * 0x1p-32);
    visible[i] = t;
    uint32_t j = word >> 9;
    double z = (double)j * c->signedStep[word & 0x1FF];
    int accepted = j < c->coreLimit[word & 0xFF];
    double x = t + square_root(c->a2 * t + c->b2 * t * t + c->c2) * z;
    if (!(accepted && x >= c->fastLow && x < c->fastHigh)) return 1;
    count_fast(c, x, local);
    return 0;
}

#if defined(__x86_64__)
/* Passes over the batch: the ziggurat's core values; E_reco and the fast-path mask, four events per
   step (stored); then per edge e_j one pass adding the mask of E_reco >= e_j to a register: the
   cumulative counts C_j = #{fast events with E_reco >= e_j}, whose differences are the bins' counts
   (no scatter). */
__attribute__((target("avx2"))) static int64_t entry_batch_avx2(const nue_entry_constants *c, int64_t m, const uint32_t *words,
                                                                double *visible, double *reco, int64_t *local,
                                                                int32_t *flagged, int64_t *flaggedCount) {
    const uint32_t *positions = words, *gaussians = c->isLine ? words : words + m;
    const __m256d lower = _mm256_set1_pd(c->lowerEnergy), width = _mm256_set1_pd(c->width);
    const __m256d twoTo31 = _mm256_set1_pd(0x1p31), twoToMinus32 = _mm256_set1_pd(0x1p-32);
    const __m256d a2 = _mm256_set1_pd(c->a2), b2 = _mm256_set1_pd(c->b2), c2 = _mm256_set1_pd(c->c2);
    const __m256d fastLow = _mm256_set1_pd(c->fastLow), fastHigh = _mm256_set1_pd(c->fastHigh);
    const __m128i signFlip = _mm_set1_epi32((int)0x80000000U);
    /* A flagged event's E_reco is replaced by -inf in reco[], so it passes no edge. */
    const __m256d minusInfinity = _mm256_set1_pd(-__builtin_inf());
    int64_t nf = 0, i = 0, fast = 0;
    /* At most 1024 events here (the caller's batches are 256); any rest goes one by one. */
    const int64_t whole = (m < 1024 ? m : 1024) & ~(int64_t)3;
    /* Pass 1: the ziggurat's core value of every event, NaN when its core test fails (table reads, one
       event per step): a NaN E_reco fails both range comparisons below, so the event is flagged. */
    double z[1024];
    for (int64_t k = 0; k < whole; k++) {
        uint32_t word = gaussians[k], j = word >> 9;
        double value = (double)j * c->signedStep[word & 0x1FF];
        z[k] = j < c->coreLimit[word & 0xFF] ? value : __builtin_nan("");
    }
    /* Pass 2: E, sigma(E), E_reco and the fast-path mask, four events per step. */
    for (; i < whole; i += 4) {
        __m256d t = lower;
        if (!c->isLine) {
            __m128i w = _mm_loadu_si128((const __m128i *)(positions + i));
            __m256d u = _mm256_mul_pd(_mm256_add_pd(_mm256_cvtepi32_pd(_mm_xor_si128(w, signFlip)), twoTo31), twoToMinus32);
            t = _mm256_add_pd(lower, _mm256_mul_pd(width, u));
        }
        _mm256_storeu_pd(visible + i, t);
        __m256d variance = _mm256_add_pd(_mm256_add_pd(_mm256_mul_pd(a2, t), _mm256_mul_pd(_mm256_mul_pd(b2, t), t)), c2);
        __m256d x = _mm256_add_pd(t, _mm256_mul_pd(_mm256_sqrt_pd(variance), _mm256_loadu_pd(z + i)));
        __m256d keep = _mm256_and_pd(_mm256_cmp_pd(x, fastLow, _CMP_GE_OQ), _mm256_cmp_pd(x, fastHigh, _CMP_LT_OQ));
        _mm256_storeu_pd(reco + i, _mm256_blendv_pd(minusInfinity, x, keep));
        int inside = _mm256_movemask_pd(keep);
        fast += __builtin_popcount((unsigned)inside);
        if (inside != 0xF)
            for (int q = 0; q < 4; q++)
                if (!(inside >> q & 1)) flagged[nf++] = (int32_t)(i + q);
    }
    /* local[0] = fast events; local[q] = C_{first+q} for q >= 1 (cumulative; the caller takes differences) */
    local[0] += fast;
    for (int64_t e = c->first + 1; e <= c->final; e++) {
        const __m256d edge = _mm256_set1_pd(c->edges[e]);
        __m256i count0 = _mm256_setzero_si256(), count1 = _mm256_setzero_si256();
        int64_t k = 0;
        for (; k + 8 <= i; k += 8) {
            count0 = _mm256_sub_epi64(count0, _mm256_castpd_si256(_mm256_cmp_pd(_mm256_loadu_pd(reco + k), edge, _CMP_GE_OQ)));
            count1 = _mm256_sub_epi64(count1, _mm256_castpd_si256(_mm256_cmp_pd(_mm256_loadu_pd(reco + k + 4), edge, _CMP_GE_OQ)));
        }
        for (; k < i; k += 4)
            count0 = _mm256_sub_epi64(count0, _mm256_castpd_si256(_mm256_cmp_pd(_mm256_loadu_pd(reco + k), edge, _CMP_GE_OQ)));
        int64_t lanes[4];
        _mm256_storeu_si256((__m256i *)lanes, _mm256_add_epi64(count0, count1));
        local[e - c->first] += lanes[0] + lanes[1] + lanes[2] + lanes[3];
    }
    *flaggedCount = nf;
    return i;
}
#endif

int64_t nue_entry_batch(const nue_entry_constants *c, int64_t m, const uint32_t *words, double *visible, double *reco,
                        int64_t *local, int32_t *flagged, int avx2) {
    int64_t nf = 0, i = 0;
#if defined(__x86_64__)
    if (avx2) i = entry_batch_avx2(c, m, words, visible, reco, local, flagged, &nf);
#else
    (void)reco;
    (void)avx2;
#endif
    const uint32_t *gaussians = c->isLine ? words : words + m;
    for (; i < m; i++)
        if (entry_event(c, i, c->isLine ? 0 : words[i], gaussians[i], visible, local)) flagged[nf++] = (int32_t)i;
    return nf;
}

int64_t nue_entry_complete(const nue_entry_constants *c, int64_t m, const uint32_t *words, const double *visible,
                           int64_t nf, const int32_t *flagged, const uint32_t *extra, int64_t *local,
                           int32_t *rest, uint8_t *kinds, double *values, double *sigmas) {
    const uint32_t *gaussians = c->isLine ? words : words + m;
    int64_t nr = 0;
    for (int64_t f = 0; f < nf; f++) {
        int32_t i = flagged[f];
        double t = visible[i];
        double sigma = square_root(c->a2 * t + c->b2 * t * t + c->c2);
        uint32_t word = gaussians[i], layer = word & 0xFF, j = word >> 9;
        double x = (double)j * c->signedStep[layer];
        int kind = NUE_RECO_KNOWN;
        if (j >= c->coreLimit[layer]) {
            if (layer == 0) {
                kind = NUE_FIRST_WORD;
            } else {
                double y = c->height[layer] + ((double)extra[f] * 0x1p-32) * (c->height[layer + 1] - c->height[layer]);
                if (!(y < exp(-0.5 * x * x))) kind = NUE_FRESH_DRAW;
            }
        }
        double r = 0;
        if (kind == NUE_RECO_KNOWN) {
            r = t + sigma * ((word & 0x100) ? -x : x);
            if (r >= c->fastLow && r < c->fastHigh) {
                count_fast(c, r, local);
                continue;
            }
        }
        rest[nr] = i;
        kinds[nr] = (uint8_t)kind;
        values[nr] = r;
        sigmas[nr] = sigma;
        nr++;
    }
    return nr;
}

/* xoshiro256++ (Blackman & Vigna, ACM TOMS 47, 36 (2021)): output rotl(s0 + s3, 23) + s0, then
   t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45). */
static inline uint64_t rotate_left(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void xoshiro_fill_avx2(uint64_t *state, uint32_t *out, int64_t steps) {
    __m256i s0 = _mm256_loadu_si256((const __m256i *)state), s1 = _mm256_loadu_si256((const __m256i *)(state + 4));
    __m256i s2 = _mm256_loadu_si256((const __m256i *)(state + 8)), s3 = _mm256_loadu_si256((const __m256i *)(state + 12));
    for (int64_t n = 0; n < steps; n++) {
        __m256i sum = _mm256_add_epi64(s0, s3);
        __m256i result = _mm256_add_epi64(_mm256_or_si256(_mm256_slli_epi64(sum, 23), _mm256_srli_epi64(sum, 41)), s0);
        __m256i t = _mm256_slli_epi64(s1, 17);
        s2 = _mm256_xor_si256(s2, s0);
        s3 = _mm256_xor_si256(s3, s1);
        s1 = _mm256_xor_si256(s1, s2);
        s0 = _mm256_xor_si256(s0, s3);
        s2 = _mm256_xor_si256(s2, t);
        s3 = _mm256_or_si256(_mm256_slli_epi64(s3, 45), _mm256_srli_epi64(s3, 19));
        _mm256_storeu_si256((__m256i *)(out + 8 * n), result); /* x86 is little-endian: low halves first */
    }
    _mm256_storeu_si256((__m256i *)state, s0);
    _mm256_storeu_si256((__m256i *)(state + 4), s1);
    _mm256_storeu_si256((__m256i *)(state + 8), s2);
    _mm256_storeu_si256((__m256i *)(state + 12), s3);
}
#endif

void nue_xoshiro_fill(uint64_t *state, uint32_t *out, int64_t steps, int avx2) {
#if defined(__x86_64__)
    if (avx2) {
        xoshiro_fill_avx2(state, out, steps);
        return;
    }
#else
    (void)avx2;
#endif
    for (int64_t n = 0; n < steps; n++) {
        for (int lane = 0; lane < 4; lane++) {
            uint64_t *s = state + lane;
            uint64_t result = rotate_left(s[0] + s[12], 23) + s[0];
            uint64_t t = s[4] << 17;
            s[8] ^= s[0];
            s[12] ^= s[4];
            s[4] ^= s[8];
            s[0] ^= s[12];
            s[8] ^= t;
            s[12] = rotate_left(s[12], 45);
            out[8 * n + 2 * lane] = (uint32_t)result;
            out[8 * n + 2 * lane + 1] = (uint32_t)(result >> 32);
        }
    }
}
