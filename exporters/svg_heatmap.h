// The matrix as a heat map: one panel per group, each cell shaded by its row
// percentage and labelled with its count and percentage.
#ifndef VERHAAL_EXPORTERS_SVG_HEATMAP_H_
#define VERHAAL_EXPORTERS_SVG_HEATMAP_H_

#include <string>

#include "exporters/matrix.h"

namespace verhaal {

// A self-contained SVG of `matrix` (the group tables, not the comparison):
// title, axis titles, level labels, a legend for the shading, and '*' on
// cells whose |adjusted residual| >= 1.96. Deterministic. Never throws.
std::string MatrixHeatmapSvg(const Matrix& matrix);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_SVG_HEATMAP_H_
