#include "stats/fisher_exact.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace verhaal::stats {
namespace {

// Relative tolerance when comparing table probabilities, as R's fisher.test.
constexpr double kRelativeTolerance = 1e-7;

// Below this, std::exp returns exactly 0 (the smallest subnormal double is
// e^-744.44; rounding takes everything under about -745.13 to 0), so adding
// it changes nothing. Skipping those calls leaves every sum bit for bit as
// it was, and saves glibc's slow underflow path, which large tables (tens of
// thousands of stories) take for most of their terms.
constexpr double kExpIsZero = -746.0;

// p += e^log_p, skipping the terms that are exactly 0.
void AddExp(double& p, double log_p) {
  if (log_p > kExpIsZero) p += std::exp(log_p);
}

std::vector<double> LogFactorials(std::int64_t n) {
  std::vector<double> table(static_cast<std::size_t>(n) + 1, 0.0);
  for (std::int64_t i = 2; i <= n; ++i) {
    table[static_cast<std::size_t>(i)] =
        table[static_cast<std::size_t>(i - 1)] + std::log(static_cast<double>(i));
  }
  return table;
}

// A uniform double in [0, 1) from the top 53 bits of a draw.
double Uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// The number of successes in `k` draws without replacement from `good`
// successes and `bad` failures: inversion of the hypergeometric
// distribution, walking out from its mode (steps ~ its standard
// deviation). `lf` holds log-factorials up to good + bad.
std::int64_t Hypergeometric(std::mt19937_64& rng, std::int64_t good, std::int64_t bad,
                            std::int64_t k, const std::vector<double>& lf) {
  const std::int64_t lo = std::max<std::int64_t>(0, k - bad);
  const std::int64_t hi = std::min(k, good);
  if (lo >= hi) return lo;
  const std::int64_t n = good + bad;
  auto lfact = [&lf](std::int64_t x) { return lf[static_cast<std::size_t>(x)]; };
  const auto mode = std::clamp<std::int64_t>(
      static_cast<std::int64_t>((static_cast<double>(k + 1) * static_cast<double>(good + 1)) /
                                static_cast<double>(n + 2)),
      lo, hi);
  const double p_mode =
      std::exp(lfact(good) - lfact(mode) - lfact(good - mode) + lfact(bad) - lfact(k - mode) -
               lfact(bad - k + mode) - (lfact(n) - lfact(k) - lfact(n - k)));
  double u = Uniform01(rng) - p_mode;
  if (u <= 0) return mode;
  double p_up = p_mode, p_down = p_mode;
  std::int64_t up = mode, down = mode;
  while (up < hi || down > lo) {
    if (up < hi) {
      p_up *= static_cast<double>(good - up) * static_cast<double>(k - up) /
              (static_cast<double>(up + 1) * static_cast<double>(bad - k + up + 1));
      ++up;
      u -= p_up;
      if (u <= 0) return up;
    }
    if (down > lo) {
      p_down *= static_cast<double>(down) * static_cast<double>(bad - k + down) /
                (static_cast<double>(good - down + 1) * static_cast<double>(k - down + 1));
      --down;
      u -= p_down;
      if (u <= 0) return down;
    }
  }
  return mode;  // rounding left u a hair above 0
}

// Sum of lf[x] over an allocation of `total` to cells with the given
// capacities (ascending) that is as even as possible (the smallest such
// sum, because log-factorials are convex) or as concentrated as possible
// (the largest).
double EvenSpread(std::span<const std::int64_t> caps, std::int64_t total,
                  const std::vector<double>& lf) {
  double sum = 0;
  std::int64_t left = total;
  for (std::size_t i = 0; i < caps.size(); ++i) {
    const auto rows_left = static_cast<std::int64_t>(caps.size() - i);
    const std::int64_t share = left / rows_left;
    if (caps[i] <= share) {
      sum += lf[static_cast<std::size_t>(caps[i])];
      left -= caps[i];
      continue;
    }
    // Every remaining cell can take share + 1: spread the rest evenly.
    const std::int64_t extra = left - share * rows_left;
    sum += static_cast<double>(extra) * lf[static_cast<std::size_t>(share + 1)] +
           static_cast<double>(rows_left - extra) * lf[static_cast<std::size_t>(share)];
    return sum;
  }
  return sum;
}

double Concentrated(std::span<const std::int64_t> caps, std::int64_t total,
                    const std::vector<double>& lf) {
  double sum = 0;
  for (auto cap = caps.rbegin(); cap != caps.rend(); ++cap) {  // the largest first
    const std::int64_t x = std::min(*cap, total);
    sum += lf[static_cast<std::size_t>(x)];
    total -= x;
    if (total == 0) break;
  }
  return sum;
}

// Enumerates the tables with the given margins column by column, summing the
// probabilities of those no more probable than the observed table. At the
// start of each column it bounds the probability of every completion of the
// partial table (relaxing the problem to one margin at a time): when all
// completions are below the threshold their total probability is added in
// closed form, N'! / (prod r_i! prod c_j!), and when none is, the sub-tree is
// skipped. This is the pruning idea of Mehta and Patel's network algorithm
// with simpler bounds.
class Enumerator {
 public:
  // With `count_only`, Run() only finds out whether the enumeration fits the
  // budget (taking the same steps, bounds and pruning decisions, but adding
  // no probabilities, and counting the last column's tables of a two-row
  // table without visiting them): p_value() is then meaningless.
  Enumerator(std::vector<std::int64_t> row_totals, std::vector<std::int64_t> col_totals,
             const std::vector<double>& lf, double log_constant, double log_threshold,
             std::int64_t budget, bool count_only = false)
      : rows_(std::move(row_totals)),
        cols_(std::move(col_totals)),
        lf_(lf),
        log_constant_(log_constant),
        log_threshold_(log_threshold),
        budget_(budget),
        count_only_(count_only) {}

  // Returns false if the budget ran out.
  bool Run() {
    remaining_ = rows_;
    StartColumn(0, 0.0);
    return !exhausted_;
  }
  double p_value() const { return p_; }
  std::int64_t visited() const { return visited_; }
  // The steps actually taken (visited() less those counted without).
  std::int64_t taken() const { return taken_; }

 private:
  void StartColumn(std::size_t col, double log_denominator) {
    if (exhausted_) return;
    ++taken_;
    if (++visited_ > budget_) {
      exhausted_ = true;
      return;
    }
    if (col + 1 == cols_.size()) {
      if (count_only_) return;
      // Last column: fixed by what is left in each row.
      double total = log_denominator;
      for (std::int64_t x : remaining_) total += lf(x);
      const double log_p = log_constant_ - total;
      if (log_p <= log_threshold_) AddExp(p_, log_p);
      return;
    }
    // Bounds on the sum of lf over the cells still to fill. The columns are
    // in ascending order already; the rows' remainders are sorted once here.
    const std::span<const std::int64_t> col_left(cols_.data() + col, cols_.size() - col);
    sorted_remaining_ = remaining_;
    std::sort(sorted_remaining_.begin(), sorted_remaining_.end());
    double col_min = 0, col_max = 0, row_min = 0, row_max = 0;
    std::int64_t n_left = 0;
    for (std::int64_t c : col_left) {
      col_min += EvenSpread(sorted_remaining_, c, lf_);
      col_max += Concentrated(sorted_remaining_, c, lf_);
      n_left += c;
    }
    for (std::int64_t r : remaining_) {
      row_min += EvenSpread(col_left, r, lf_);
      row_max += Concentrated(col_left, r, lf_);
    }
    const double base = log_constant_ - log_denominator;
    const double most_probable = base - std::max(col_min, row_min);
    const double least_probable = base - std::min(col_max, row_max);
    if (least_probable > log_threshold_) return;  // no completion counts
    if (most_probable <= log_threshold_) {
      if (count_only_) return;
      // Every completion counts: add their total probability at once.
      double log_sum = lf(n_left);
      for (std::int64_t r : remaining_) log_sum -= lf(r);
      for (std::int64_t c : col_left) log_sum -= lf(c);
      AddExp(p_, base + log_sum);
      return;
    }
    // Two columns: every filling of the first column is one table, visited
    // once (nothing below here is pruned), so the steps are known before
    // they are taken. Beyond the budget, give up now rather than after
    // spending it: the same outcome, without the 20 million steps.
    if (cols_.size() == 2 && visited_ + CountFillings(cols_[0], rows_) > budget_) {
      exhausted_ = true;
      return;
    }
    // Second-to-last column: each filling of this column is one table (the
    // last column is then fixed by what the rows have left) and one step, as
    // FillCell would take them; count them instead of taking them.
    if (count_only_ && col + 2 == cols_.size()) {
      visited_ += CountFillings(cols_[col], remaining_);
      if (visited_ > budget_) exhausted_ = true;
      return;
    }
    FillCell(col, 0, cols_[col], log_denominator);
  }

  // The ways to fill a column (`column` spread over the rows, row r taking
  // at most caps[r]), capped at budget_ + 1: counts per partial sum, row by
  // row, each the sum of a window of the previous row's counts. Capping
  // each count keeps every sum exact up to the cap. Two rows: the first
  // row's cell runs from low to high, as FillCell takes it.
  std::int64_t CountFillings(std::int64_t column, const std::vector<std::int64_t>& caps) const {
    if (caps.size() == 2) {
      const std::int64_t low = std::max<std::int64_t>(0, column - caps[1]);
      const std::int64_t high = std::min(column, caps[0]);
      return std::max<std::int64_t>(0, high - low + 1);
    }
    const auto total = static_cast<std::size_t>(column);
    const std::int64_t cap = budget_ + 1;
    std::vector<std::int64_t>& ways = ways_;
    std::vector<std::int64_t>& sums = sums_;
    ways.assign(total + 1, 0);
    sums.assign(total + 2, 0);
    ways[0] = 1;
    for (std::int64_t row : caps) {
      for (std::size_t s = 0; s <= total; ++s) sums[s + 1] = sums[s] + ways[s];
      for (std::size_t s = 0; s <= total; ++s) {
        const std::size_t from =
            s > static_cast<std::size_t>(row) ? s - static_cast<std::size_t>(row) : 0;
        ways[s] = std::min(cap, sums[s + 1] - sums[from]);
      }
    }
    return ways[total];
  }

  void FillCell(std::size_t col, std::size_t row, std::int64_t left, double log_denominator) {
    if (exhausted_) return;
    if (row + 1 == rows_.size()) {
      // The last row of this column takes what is left of the column total.
      if (left > remaining_[row]) return;
      remaining_[row] -= left;
      StartColumn(col + 1, log_denominator + lf(left));
      remaining_[row] += left;
      return;
    }
    std::int64_t capacity_below = 0;
    for (std::size_t r = row + 1; r < rows_.size(); ++r) {
      capacity_below += remaining_[r];
    }
    const std::int64_t low = std::max<std::int64_t>(0, left - capacity_below);
    const std::int64_t high = std::min(left, remaining_[row]);
    for (std::int64_t x = low; x <= high && !exhausted_; ++x) {
      remaining_[row] -= x;
      FillCell(col, row + 1, left - x, log_denominator + lf(x));
      remaining_[row] += x;
    }
  }

  double lf(std::int64_t x) const { return lf_[static_cast<std::size_t>(x)]; }

  // remaining_ in ascending order, for the bounds (rewritten at each
  // column's start, before the column is filled).
  std::vector<std::int64_t> sorted_remaining_;
  // CountFillings' working space, kept between calls.
  mutable std::vector<std::int64_t> ways_, sums_;

  std::vector<std::int64_t> rows_;
  std::vector<std::int64_t> cols_;
  std::vector<std::int64_t> remaining_;
  const std::vector<double>& lf_;
  double log_constant_;
  double log_threshold_;
  std::int64_t budget_;
  std::int64_t visited_ = 0;
  std::int64_t taken_ = 0;
  bool count_only_;
  double p_ = 0;
  bool exhausted_ = false;
};

}  // namespace

FisherExactResult FisherExact(const ContingencyTable& table, const FisherExactOptions& options) {
  if (table.rows() < 2 || table.cols() < 2) {
    throw std::invalid_argument(
        "Fisher's exact test needs at least 2 rows and 2 columns; this table "
        "is " +
        std::to_string(table.rows()) + "x" + std::to_string(table.cols()));
  }
  if (options.draws < 1) {
    throw std::invalid_argument("the number of Monte Carlo draws must be at least 1");
  }
  FisherExactResult result;
  result.n = table.Total();
  if (result.n == 0) {
    result.p_value = result.observed_probability = std::numeric_limits<double>::quiet_NaN();
    result.note = "the table is empty; Fisher's exact test is undefined";
    return result;
  }

  // Keep only rows and columns with observations; they carry all information.
  std::vector<int> kept_rows, kept_cols;
  for (int r = 0; r < table.rows(); ++r) {
    if (table.RowTotal(r) > 0) kept_rows.push_back(r);
  }
  for (int c = 0; c < table.cols(); ++c) {
    if (table.ColTotal(c) > 0) kept_cols.push_back(c);
  }
  if (kept_rows.size() < static_cast<std::size_t>(table.rows()) ||
      kept_cols.size() < static_cast<std::size_t>(table.cols())) {
    result.note = "rows or columns without observations were left out. ";
  }
  std::vector<std::int64_t> row_totals, col_totals;
  for (int r : kept_rows) row_totals.push_back(table.RowTotal(r));
  for (int c : kept_cols) col_totals.push_back(table.ColTotal(c));

  const std::vector<double> lf = LogFactorials(result.n);
  auto lfact = [&lf](std::int64_t x) { return lf[static_cast<std::size_t>(x)]; };
  double log_constant = -lfact(result.n);
  for (std::int64_t t : row_totals) log_constant += lfact(t);
  for (std::int64_t t : col_totals) log_constant += lfact(t);
  double log_observed = log_constant;
  for (int r : kept_rows) {
    for (int c : kept_cols) log_observed -= lfact(table.at(r, c));
  }
  result.observed_probability = std::exp(log_observed);
  const double log_threshold = log_observed + std::log1p(kRelativeTolerance);

  if (kept_rows.size() < 2 || kept_cols.size() < 2) {
    result.p_value = 1.0;
    result.enumeration_steps = 1;
    result.note += "only one table has these margins, so p = 1";
    return result;
  }

  // An upper bound on the tables with these margins: each free cell (all
  // but the last row and column) holds at most min(row, column) + 1 values.
  // When even a millionth of it is beyond the step limit (large tables with
  // thousands of stories), enumeration cannot finish: go to Monte Carlo at
  // once instead of spending the whole step budget first.
  double log_bound = 0;
  for (std::size_t r = 0; r + 1 < row_totals.size(); ++r) {
    for (std::size_t c = 0; c + 1 < col_totals.size(); ++c) {
      log_bound += std::log(static_cast<double>(std::min(row_totals[r], col_totals[c]) + 1));
    }
  }
  const bool hopeless =
      log_bound > std::log(static_cast<double>(options.max_enumeration_steps)) + std::log(1e6);
  if (!options.force_monte_carlo && hopeless) {
    result.note += "far more than " + std::to_string(options.max_enumeration_steps) +
                   " tables share these margins, so the p-value was estimated by Monte Carlo";
  }
  if (!options.force_monte_carlo && !hopeless) {
    // Enumerate with the largest column last (it is then determined) and the
    // smallest columns first, which keeps the tree narrow.
    std::vector<std::int64_t> cols = col_totals;
    std::sort(cols.begin(), cols.end());
    std::vector<std::int64_t> rows = row_totals;
    std::sort(rows.begin(), rows.end());
    // For a 2x2 table this visits min(row, col) + 1 tables: the classic
    // hypergeometric sum.
    // A table with more than two columns (a comparison of two or more
    // groups) may need more steps than the budget; find that out first by
    // counting, without the last column's tables (a fraction of the work:
    // each filling of the second-to-last column is counted, not taken),
    // rather than after spending the whole budget. Either way the same
    // tables decide between exact and Monte Carlo.
    bool fits = true;
    if (cols.size() > 2) {
      Enumerator counter(rows, cols, lf, log_constant, log_threshold, options.max_enumeration_steps,
                         /*count_only=*/true);
      fits = counter.Run();
      result.steps_taken += counter.taken();
    }
    if (fits) {
      Enumerator enumerator(rows, cols, lf, log_constant, log_threshold,
                            options.max_enumeration_steps);
      const bool finished = enumerator.Run();
      result.steps_taken += enumerator.taken();
      if (finished) {
        result.method = FisherMethod::kExact;
        result.p_value = std::min(1.0, enumerator.p_value());
        result.enumeration_steps = enumerator.visited();
        return result;
      }
    }
    result.note += "more than " + std::to_string(options.max_enumeration_steps) +
                   " tables share these margins, so the p-value was estimated "
                   "by Monte Carlo";
  }

  // Monte Carlo with fixed margins: each random table is dealt column by
  // column, each cell a hypergeometric draw given what its row and column
  // have left (the same distribution as shuffling the N observations, at a
  // cost per table that does not grow with N).
  result.method = FisherMethod::kMonteCarlo;
  result.draws = options.draws;
  result.seed = options.seed;
  std::mt19937_64 rng(options.seed);
  const std::size_t n_rows = row_totals.size(), n_cols = col_totals.size();
  std::vector<std::int64_t> cells(n_rows * n_cols);
  std::vector<std::int64_t> row_left(n_rows);
  std::int64_t hits = 0;
  for (int draw = 0; draw < options.draws; ++draw) {
    row_left = row_totals;
    std::int64_t total_left = result.n;
    for (std::size_t c = 0; c < n_cols; ++c) {
      std::int64_t column_left = col_totals[c];
      std::int64_t rows_after = total_left;  // observations left in rows r..end
      for (std::size_t r = 0; r < n_rows; ++r) {
        rows_after -= row_left[r];
        const std::int64_t x = r + 1 == n_rows
                                   ? column_left
                                   : Hypergeometric(rng, row_left[r], rows_after, column_left, lf);
        cells[r * n_cols + c] = x;
        row_left[r] -= x;
        column_left -= x;
      }
      total_left -= col_totals[c];
    }
    double log_p = log_constant;
    for (std::int64_t x : cells) log_p -= lfact(x);
    if (log_p <= log_threshold) ++hits;
  }
  result.p_value = static_cast<double>(1 + hits) / (1.0 + options.draws);
  return result;
}

}  // namespace verhaal::stats
