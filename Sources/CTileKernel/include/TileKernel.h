#ifndef RECSITE_TILE_KERNEL_H
#define RECSITE_TILE_KERNEL_H

#include <stdint.h>

/// Columns per tile: a tile row is 16 doubles (128 bytes).
#define RECSITE_TILE_WIDTH 16

/// Scores a run of users against one tile of 16 similarity columns and keeps
/// the users whose lists could admit one of those scores.
///
/// For user u (0 ..< userCount) the 16 scores are, lane by lane,
/// sum over p in rowStart[u] ..< rowStart[u + 1] with rowScore[p] > 0, in
/// that order, of tile[rowItem[p] * 16 + t] * rowScore[p]; a product whose
/// tile cell is zero counts as +0 when rowScore[p] is infinite. Each product
/// is rounded before it is added (no fused multiply-add), so the bits are
/// those of the scalar sum in the same order, whatever the vector width.
///
/// A user is kept when some lane s has s >= floors[u] and s > 0: its index
/// goes to admitted[n] and its 16 scores to admittedScores[16 n ..< 16 n + 16].
///
/// @return n, the number of users kept.
long recsite_tile_candidates(const double *tile, const long *rowStart, const int32_t *rowItem,
                             const double *rowScore, long userCount, const double *floors,
                             int32_t *admitted, double *admittedScores);

#endif
