#include "cli/saved_search.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/errors.h"
#include "cli/options.h"
#include "cli/state.h"
#include "text/utf8.h"

namespace bahth {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;  // fields in the documented order

namespace {

constexpr std::size_t kMaxNameBytes = 100;
constexpr const char* kSuffix = ".json";

std::string path_of(const std::string& dir, const std::string& name) { return dir + "/" + name + kSuffix; }

Json to_json(const SavedSearch& s) {
  Json j = {{"name", s.name}, {"query", s.query}, {"from", s.from}, {"to", s.to},
            {"sort", s.sort}, {"collapse", s.collapse}, {"index", s.index}, {"last_run", nullptr}};
  if (s.ran) j["last_run"] = {{"at", s.ran_at}, {"added_through", s.added_through}, {"seen", s.seen}};
  return j;
}

// Throws nlohmann's type_error/out_of_range for a missing field or a wrong type; the caller names the file.
SavedSearch from_json(const Json& j) {
  SavedSearch s;
  s.name = j.at("name").get<std::string>();
  s.query = j.at("query").get<std::string>();
  s.from = j.at("from").get<std::string>();
  s.to = j.at("to").get<std::string>();
  s.sort = j.at("sort").get<std::string>();
  s.collapse = j.at("collapse").get<bool>();
  s.index = j.at("index").get<std::vector<std::string>>();
  const Json& last = j.at("last_run");
  if (!last.is_null()) {
    s.ran = true;
    s.ran_at = last.at("at").get<std::string>();
    s.added_through = last.at("added_through").get<std::string>();
    s.seen = last.at("seen").get<std::vector<std::string>>();
  }
  return s;
}

}  // namespace

std::string alerts_dir() {
  const std::string state = state_dir();
  if (state.empty()) throw UsageError("no folder for saved searches: set HOME or XDG_STATE_HOME");
  return state + "/alerts";
}

void check_alert_name(const std::string& name) {
  const char* why = nullptr;
  if (name.empty()) why = "is empty";
  else if (name.size() > kMaxNameBytes) why = "is longer than 100 bytes";
  else if (name.find('/') != std::string::npos) why = "holds a '/'";
  else if (name[0] == '.') why = "starts with '.'";
  else if (find_invalid_utf8(name)) why = "is not valid UTF-8";
  else if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
    why = "holds a control character";
  if (why) throw UsageError("alert name '" + name + "' " + why + ": a name is one plain word such as gaza or أسعار-النفط");
}

SavedSearch load_saved_search(const std::string& dir, const std::string& name) {
  check_alert_name(name);
  const std::string path = path_of(dir, name);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!fs::exists(path, ec))
      throw UsageError("no saved search named '" + name + "' (bahth-search --alerts --list shows them)");
    throw InputError(path + ": cannot be read: " + std::strerror(errno));
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    SavedSearch s = from_json(Json::parse(text.str()));
    if (s.name != name) throw InputError(path + ": is not a saved search (its name is '" + s.name + "')");
    return s;
  } catch (const Json::exception& e) {
    throw InputError(path + ": is not a saved search (" + e.what() + "); save it again with --alert " + name);
  }
}

void store_saved_search(const std::string& dir, const SavedSearch& s) {
  check_alert_name(s.name);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error("cannot create " + dir + ": " + ec.message());
  const std::string path = path_of(dir, s.name);
  // Written beside the file and renamed over it: readers and crashes see the old version or the new one.
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << to_json(s).dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    out.flush();
    if (!out) {
      const std::string cause = std::strerror(errno);
      std::remove(tmp.c_str());
      throw Error("cannot write " + path + ": " + cause);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string cause = std::strerror(errno);
    std::remove(tmp.c_str());
    throw Error("cannot write " + path + ": " + cause);
  }
}

void delete_saved_search(const std::string& dir, const std::string& name) {
  check_alert_name(name);
  std::error_code ec;
  if (!fs::remove(path_of(dir, name), ec) || ec)
    throw UsageError("no saved search named '" + name + "' (bahth-search --alerts --list shows them)");
}

std::vector<std::string> saved_search_names(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    const std::size_t n = std::strlen(kSuffix);
    if (file.size() > n && file.compare(file.size() - n, n, kSuffix) == 0 && file[0] != '.')
      names.push_back(file.substr(0, file.size() - n));
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace bahth
