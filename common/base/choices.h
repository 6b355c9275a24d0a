// An option's choices as one table that drives both parsing and --help, so the two cannot drift apart:
//
//   inline constexpr Choice<SortOrder> kSortOrders[] = {{"relevance", SortOrder::relevance}, ...};
//   parse_choice(kSortOrders, "newest", "--sort")   // SortOrder::newest
//   choice_names(kSortOrders)                        // "relevance, newest or oldest"
//   choice_strings(kSortOrders)                      // {"relevance", "newest", "oldest"}
//   parse_choice(kSortOrders, "best", "--sort")      // UsageError "--sort must be relevance, newest or oldest, not 'best'"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/errors.h"

namespace bahth {

template <typename T>
struct Choice {
  std::string_view name;
  T value;
};

/// The names of a table's choices joined with `separator`, the last two with `last` ("a, b or c").
template <typename T, std::size_t N>
std::string choice_names(const Choice<T> (&table)[N], std::string_view separator = ", ",
                         std::string_view last = " or ") {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i) out += i + 1 == N ? last : separator;
    out += table[i].name;
  }
  return out;
}

/// The names of a table's choices, in order (completions, man pages).
template <typename T, std::size_t N>
std::vector<std::string> choice_strings(const Choice<T> (&table)[N]) {
  std::vector<std::string> out;
  for (const Choice<T>& c : table) out.emplace_back(c.name);
  return out;
}

/// The choice named `name`, or nullptr.
template <typename T, std::size_t N>
const Choice<T>* find_choice(const Choice<T> (&table)[N], std::string_view name) {
  for (const Choice<T>& c : table)
    if (c.name == name) return &c;
  return nullptr;
}

/// The value of the choice named `name`; throws UsageError "OPTION must be a, b or c, not 'x'".
template <typename T, std::size_t N>
T parse_choice(const Choice<T> (&table)[N], std::string_view name, std::string_view option) {
  if (const Choice<T>* c = find_choice(table, name)) return c->value;
  throw UsageError(std::string(option) + " must be " + choice_names(table) + ", not '" + std::string(name) + "'");
}

/// The name of `value` in the table (empty when it has none).
template <typename T, std::size_t N>
std::string_view choice_name(const Choice<T> (&table)[N], T value) {
  for (const Choice<T>& c : table)
    if (c.value == value) return c.name;
  return {};
}

}  // namespace bahth
