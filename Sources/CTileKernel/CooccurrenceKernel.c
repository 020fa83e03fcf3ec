// The similarity step's inner loops (ItemSimilarity), in C because the
// Swift loop paid for bounds checks, a binary search per (item, user) and
// copy-on-write checks of its scratch arrays: about 13 ns a product on M.
//
// Exactness: no contraction into fused multiply-adds (the pragma), so each
// product is rounded before it is added, in the same order as before.
#pragma STDC FP_CONTRACT OFF

#include "CooccurrenceKernel.h"

/// The first position of `row` (ascending items) holding an item above `item`, branch-free.
static inline long first_above(const int32_t *items, long lo, long hi, int32_t item) {
    long count = hi - lo;
    const int32_t *base = items + lo;
    while (count > 1) {
        long half = count / 2;
        base = base[half - 1] <= item ? base + half : base;
        count -= half;
    }
    return (base - items) + (count == 1 && *base <= item);
}

long recsite_cooccurrence(const RecsiteMatrix *matrix, long i, double *dot, int32_t *common,
                          uint8_t *marked, int32_t *touched) {
    const long *rowStart = matrix->rowStart;
    const int32_t *rowItem = matrix->rowItem;
    const double *rowScore = matrix->rowScore;
    long appended = 0;
    for (long p = matrix->columnStart[i]; p < matrix->columnStart[i + 1]; p++) {
        double ri = matrix->columnScore[p];
        if (ri == 0) continue;
        long u = matrix->columnUser[p], end = rowStart[u + 1];
        long q = first_above(rowItem, rowStart[u], end, (int32_t)i);
        if (marked == 0 && common == 0) {
            for (; q < end; q++) {
                double product = ri * rowScore[q];
                // Adding a ±0 product to a sum begun at +0 changes no bits.
                dot[rowItem[q]] += product;
            }
            continue;
        }
        for (; q < end; q++) {
            double product = ri * rowScore[q];
            if (product == 0) continue;
            int32_t k = rowItem[q];
            dot[k] += product;
            if (common) common[k] += 1;
            if (marked && !marked[k]) {
                marked[k] = 1;
                touched[appended++] = k;
            }
        }
    }
    return appended;
}

static inline long keep(long i, long k, const double *norms, double shrinkage, double *dot, int32_t *common,
                        int32_t *neighbours, double *values, long n) {
    double sim = dot[k] / (norms[i] * norms[k]);
    dot[k] = 0;
    if (common) {
        double c = (double)common[k];
        common[k] = 0;
        sim *= c / (c + shrinkage);
    }
    if (sim > 0) {
        neighbours[n] = (int32_t)k;
        values[n] = sim;
        n++;
    }
    return n;
}

long recsite_similarity_row(long i, long itemCount, const double *norms, double shrinkage, double *dot,
                            int32_t *common, uint8_t *marked, const int32_t *touched, long touchedCount,
                            int32_t *neighbours, double *values) {
    long n = 0;
    if (touched) {
        for (long t = 0; t < touchedCount; t++) {
            long k = touched[t];
            if (marked) marked[k] = 0;
            n = keep(i, k, norms, shrinkage, dot, common, neighbours, values, n);
        }
    } else {
        for (long k = i + 1; k < itemCount; k++) {
            if (marked) marked[k] = 0;
            // A zero dot gives sim 0 or NaN, never kept; common is reset all the same.
            if (dot[k] != 0 || (common && common[k] != 0)) {
                n = keep(i, k, norms, shrinkage, dot, common, neighbours, values, n);
            }
        }
    }
    return n;
}
