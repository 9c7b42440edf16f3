#ifndef NUE_CKERNELS_H
#define NUE_CKERNELS_H
#include <stdint.h>

/* The inner loop of nue's exact background sampler (Simulation/DetectedEnergySampler+Histogram.swift):
   the proposals of one envelope entry, binned. Written once in C with two instruction sets, one
   event per step and, with AVX2, four: both run the same floating-point operations in the same
   order (no contraction into fused multiply-adds, correctly rounded square roots), so the counts
   do not depend on the processor (SimulationTests/DetectedEnergyHistogramTests compares them). */

/* 1 when the processor and the operating system support AVX2, else 0. */
int nue_kernels_have_avx2(void);

/* One entry's constants. */
typedef struct {
    double lowerEnergy, width;      /* E = lowerEnergy + width * u (MeV); a line: width 0 and no position word */
    int64_t isLine;
    double a2, b2, c2;              /* sigma(E)^2 = a2 E + b2 E^2 + c2 (identity energy map) */
    double fastLow, fastHigh;       /* the fast path's E_reco range */
    const double *edges;            /* the bin edges */
    int64_t first, final;           /* the bins the fast path can reach */
    const double *signedStep;       /* ZigguratGaussian: +-step by word & 0x1FF */
    const uint32_t *coreLimit;      /* by word & 0xFF */
    const double *height;           /* ZigguratGaussian: f(x_i) = exp(-x_i^2 / 2), i = 0...256 */
} nue_entry_constants;

/* m events of the entry from words (positions words[0..m) unless a line, then the first Gaussian
   words): E to visible[i]; E_reco = E + sigma(E) z with z the ziggurat's core value. An event whose
   core test passes and whose E_reco lies in [fastLow, fastHigh) is counted: local[0] += 1 and, for
   each edge j in first+1..final with E_reco >= edges[j], local[j - first] += 1 (cumulative counts:
   bin first + q holds local[q] - local[q + 1]); the other events' indices go to
   flagged[], in order. reco[] (m values) is scratch. Returns the number flagged. */
int64_t nue_entry_batch(const nue_entry_constants *c, int64_t m, const uint32_t *words, double *visible, double *reco,
                        int64_t *local, int32_t *flagged, int avx2);

/* What nue_entry_complete leaves to its caller, per event it returns. */
enum {
    NUE_RECO_KNOWN = 0,  /* E_reco (values[]) is known but outside [fastLow, fastHigh): below the threshold or beyond the entry's bins */
    NUE_FRESH_DRAW = 1,  /* the ziggurat's wedge test rejected: the Gaussian starts again from a new word */
    NUE_FIRST_WORD = 2   /* layer 0 (the base strip and the tail): the Gaussian goes on from its first word */
};

/* The nf events flagged by nue_entry_batch (indices flagged[], words and visible[] as given to it),
   completed where the ziggurat needs no stream: a failed core test in a layer i >= 1 takes the
   wedge test y < exp(-x^2/2), y = height[i] + u (height[i+1] - height[i]) with u = extra[f] 2^-32
   (one word per flagged event, used or not); then E_reco = E + sigma(E) z, counted in local[] as by
   nue_entry_batch when it lies in [fastLow, fastHigh). Every other event goes, in order, to rest[]
   (its index), kinds[] (NUE_RECO_KNOWN, NUE_FRESH_DRAW or NUE_FIRST_WORD), values[] (E_reco when
   known) and sigmas[] (sigma(E), MeV). Returns the number returned. */
int64_t nue_entry_complete(const nue_entry_constants *c, int64_t m, const uint32_t *words, const double *visible,
                           int64_t nf, const int32_t *flagged, const uint32_t *extra, int64_t *local,
                           int32_t *rest, uint8_t *kinds, double *values, double *sigmas);

/* Four xoshiro256++ generators side by side (Simulation/XoshiroLanes.swift): `state` holds s0[4],
   s1[4], s2[4], s3[4]; writes `steps` steps of eight 32-bit words to `out`, per step lane 0's output's
   low and high halves, then lane 1's, … The same words with or without AVX2 (integer operations). */
void nue_xoshiro_fill(uint64_t *state, uint32_t *out, int64_t steps, int avx2);

#endif
