// The hot loop of ColumnTileScorer (docs/architecture.md, "The recommend
// step at 10 000 items"), in C because Swift compiles SIMD8<Double> for the
// baseline x86-64 (SSE2) and spilled its 16 accumulators: here the loop is
// built for AVX-512, AVX2 and the baseline, picked at load time, and scores
// two users at once so that their additions do not wait on each other.
//
// Exactness: no contraction into fused multiply-adds (the pragma), so every
// lane computes round(round(cell * r) + acc) in history order, as the Swift
// dense and sparse paths do.
#pragma STDC FP_CONTRACT OFF

#include "TileKernel.h"

#include <math.h>
#include <string.h>

typedef double Lanes __attribute__((vector_size(64)));
typedef long long Mask __attribute__((vector_size(64)));

#if defined(__x86_64__) && defined(__linux__)
#define RECSITE_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define RECSITE_CLONES
#endif

/// Adds one history entry's products to a user's two accumulators.
static inline __attribute__((always_inline)) void add_entry(const double *tile, int32_t item, double r,
                                                            Lanes *low, Lanes *high) {
    if (!(r > 0)) return;
    Lanes a, b;
    const double *cells = tile + (long)item * RECSITE_TILE_WIDTH;
    memcpy(&a, cells, sizeof a);
    memcpy(&b, cells + 8, sizeof b);
    Lanes scale = (Lanes){0} + r;
    Lanes pa = a * scale, pb = b * scale;
    if (!isfinite(r)) {
        // 0 · ∞ is NaN; a zero cell (no similarity) adds +0 instead.
        pa = (Lanes)((Mask)pa & (Mask)(a != 0));
        pb = (Lanes)((Mask)pb & (Mask)(b != 0));
    }
    *low += pa;
    *high += pb;
}

/// Keeps user `u` when a lane could enter its list.
static inline __attribute__((always_inline)) long keep(long u, const Lanes *lowScores, const Lanes *highScores,
                                                       const double *floors,
                                                       int32_t *admitted, double *admittedScores, long n) {
    Lanes low = *lowScores, high = *highScores, floor = (Lanes){0} + floors[u];
    Mask open = ((low >= floor) & (low > 0)) | ((high >= floor) & (high > 0));
    long long any = 0;
    for (int t = 0; t < 8; t++) any |= open[t];
    if (!any) return n;
    admitted[n] = (int32_t)u;
    memcpy(admittedScores + n * RECSITE_TILE_WIDTH, &low, sizeof low);
    memcpy(admittedScores + n * RECSITE_TILE_WIDTH + 8, &high, sizeof high);
    return n + 1;
}

RECSITE_CLONES
long recsite_tile_candidates(const double *tile, const long *rowStart, const int32_t *rowItem,
                             const double *rowScore, long userCount, const double *floors,
                             int32_t *admitted, double *admittedScores) {
    long n = 0, u = 0;
    for (; u + 1 < userCount; u += 2) {
        Lanes lowA = {0}, highA = {0}, lowB = {0}, highB = {0};
        long p = rowStart[u], q = rowStart[u + 1];
        const long endP = rowStart[u + 1], endQ = rowStart[u + 2];
        // Both histories in step, then the rest of the longer one: each
        // user's own additions stay in history order.
        for (; p < endP && q < endQ; p++, q++) {
            add_entry(tile, rowItem[p], rowScore[p], &lowA, &highA);
            add_entry(tile, rowItem[q], rowScore[q], &lowB, &highB);
        }
        for (; p < endP; p++) add_entry(tile, rowItem[p], rowScore[p], &lowA, &highA);
        for (; q < endQ; q++) add_entry(tile, rowItem[q], rowScore[q], &lowB, &highB);
        n = keep(u, &lowA, &highA, floors, admitted, admittedScores, n);
        n = keep(u + 1, &lowB, &highB, floors, admitted, admittedScores, n);
    }
    if (u < userCount) {
        Lanes low = {0}, high = {0};
        for (long p = rowStart[u]; p < rowStart[u + 1]; p++) add_entry(tile, rowItem[p], rowScore[p], &low, &high);
        n = keep(u, &low, &high, floors, admitted, admittedScores, n);
    }
    return n;
}
