#ifndef RECSITE_COOCCURRENCE_KERNEL_H
#define RECSITE_COOCCURRENCE_KERNEL_H

#include <stdint.h>

/// R in both sparse layouts, as `InteractionMatrix` keeps it: rows (users,
/// items ascending) and columns (items, users ascending).
typedef struct {
    const long *rowStart;
    const int32_t *rowItem;
    const double *rowScore;
    const long *columnStart;
    const int32_t *columnUser;
    const double *columnScore;
} RecsiteMatrix;

/// Row i's dot products with the items above it, summed over users in
/// ascending order: for each user u of column i with r(u,i) != 0, and each
/// item k > i of u's row in ascending order, the product p = r(u,i) * r(u,k),
/// rounded; when p != 0, dot[k] += p, and common[k] += 1 unless common is
/// NULL. Unless marked is NULL, each k that receives a product and is not
/// yet marked is marked and appended to touched (capacity: the items).
///
/// @return how many items were appended to touched.
long recsite_cooccurrence(const RecsiteMatrix *matrix, long i, double *dot, int32_t *common,
                          uint8_t *marked, int32_t *touched);

/// Row i's similar items k > i, ascending: for each candidate k, read from
/// touched[0 ..< touchedCount] (ascending) or, when touched is NULL, every
/// k in i + 1 ..< itemCount, sim = dot[k] / (norms[i] * norms[k]), then,
/// unless common is NULL, sim *= c / (c + shrinkage) with c = common[k].
/// k and sim go to neighbours[n] and values[n] when sim > 0. dot[k],
/// common[k] and marked[k] (those not NULL) are reset to 0 for every
/// candidate.
///
/// @return n, the number of similar items written.
long recsite_similarity_row(long i, long itemCount, const double *norms, double shrinkage, double *dot,
                            int32_t *common, uint8_t *marked, const int32_t *touched, long touchedCount,
                            int32_t *neighbours, double *values);

#endif
