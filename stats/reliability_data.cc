#include "stats/reliability_data.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace verhaal::stats {

void CheckReliabilityData(const ReliabilityData& data) {
  if (data.units.empty()) {
    throw std::invalid_argument("the reliability data has no units");
  }
  const std::size_t coders = data.units.front().size();
  if (coders < 2) {
    throw std::invalid_argument("agreement needs at least two coders; the reliability data has " +
                                std::to_string(coders));
  }
  for (std::size_t u = 0; u < data.units.size(); ++u) {
    if (data.units[u].size() != coders) {
      throw std::invalid_argument("unit " + std::to_string(u + 1) + " lists " +
                                  std::to_string(data.units[u].size()) +
                                  " coders, but unit 1 lists " + std::to_string(coders));
    }
    for (const auto& value : data.units[u]) {
      if (value && !std::isfinite(*value)) {
        throw std::invalid_argument("unit " + std::to_string(u + 1) +
                                    " has a value that is not a finite number");
      }
    }
  }
  if (data.categories.empty()) return;
  std::vector<double> sorted = data.categories;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    throw std::invalid_argument("the list of categories has a duplicate");
  }
  for (std::size_t u = 0; u < data.units.size(); ++u) {
    for (const auto& value : data.units[u]) {
      if (value && !std::binary_search(sorted.begin(), sorted.end(), *value)) {
        throw std::invalid_argument("unit " + std::to_string(u + 1) + " has the value " +
                                    std::to_string(*value) +
                                    ", which is not one of the categories");
      }
    }
  }
}

std::vector<double> ResolveCategories(const ReliabilityData& data) {
  CheckReliabilityData(data);
  if (!data.categories.empty()) return data.categories;
  std::vector<double> values;
  for (const auto& unit : data.units) {
    for (const auto& value : unit) {
      if (value) values.push_back(*value);
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

CategoryCounts CountCategories(const ReliabilityData& data) {
  const std::vector<double> categories = ResolveCategories(data);
  CategoryCounts counts(data.units.size(), std::vector<int>(categories.size(), 0));
  for (std::size_t u = 0; u < data.units.size(); ++u) {
    for (const auto& value : data.units[u]) {
      if (!value) continue;
      const auto it = std::find(categories.begin(), categories.end(), *value);
      ++counts[u][static_cast<std::size_t>(it - categories.begin())];
    }
  }
  return counts;
}

CategoryCounts CountsFromCrossTable(const ContingencyTable& table) {
  if (table.rows() != table.cols()) {
    throw std::invalid_argument(
        "a cross-table of two coders must be square (the same categories in "
        "rows and columns); this one is " +
        std::to_string(table.rows()) + "x" + std::to_string(table.cols()));
  }
  const auto k = static_cast<std::size_t>(table.rows());
  CategoryCounts counts;
  for (int i = 0; i < table.rows(); ++i) {
    for (int j = 0; j < table.cols(); ++j) {
      std::vector<int> unit(k, 0);
      ++unit[static_cast<std::size_t>(i)];
      ++unit[static_cast<std::size_t>(j)];
      counts.insert(counts.end(), static_cast<std::size_t>(table.at(i, j)), unit);
    }
  }
  return counts;
}

void CheckCategoryCounts(const CategoryCounts& counts) {
  if (counts.empty()) {
    throw std::invalid_argument("the table of category counts has no units");
  }
  const std::size_t k = counts.front().size();
  if (k == 0) {
    throw std::invalid_argument("the table of category counts has no categories");
  }
  for (std::size_t u = 0; u < counts.size(); ++u) {
    if (counts[u].size() != k) {
      throw std::invalid_argument("unit " + std::to_string(u + 1) + " has " +
                                  std::to_string(counts[u].size()) +
                                  " category counts, but unit 1 has " + std::to_string(k));
    }
    for (int x : counts[u]) {
      if (x < 0) {
        throw std::invalid_argument("unit " + std::to_string(u + 1) + " has a negative count");
      }
    }
  }
}

}  // namespace verhaal::stats
