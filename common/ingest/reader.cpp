#include "ingest/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "dates/dateline.h"
#include "dates/fields.h"
#include "ingest/cleanup.h"
#include "text/encoding.h"
#include "base/errors.h"
#include "ingest/html.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace bahth {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

enum class Kind { txt, html, jsonl, jsonl_gz, other };

Kind kind_of(const std::string& name) {
  if (ends_with(name, ".txt")) return Kind::txt;
  if (ends_with(name, ".html") || ends_with(name, ".htm")) return Kind::html;
  if (ends_with(name, ".jsonl")) return Kind::jsonl;
  if (ends_with(name, ".jsonl.gz")) return Kind::jsonl_gz;
  return Kind::other;
}

// Lines from a plain file, a gzip file or stdin, read in blocks so that a line of megabytes costs no more
// than its size. gzread reads plain files too, but plain files go through stdio to keep stdin alike.
class LineReader {
 public:
  explicit LineReader(const std::string& path) : path_(path) {
    if (path == "-") {
      file_ = stdin;
    } else if (ends_with(path, ".gz")) {
      gz_ = gzopen(path.c_str(), "rb");
      if (!gz_) throw InputError(path + ": cannot open: " + std::strerror(errno));
      gzbuffer(gz_, 1 << 17);
    } else {
      file_ = std::fopen(path.c_str(), "rb");
      if (!file_) throw InputError(path + ": cannot open: " + std::strerror(errno));
    }
  }
  ~LineReader() {
    if (gz_) gzclose(gz_);
    if (file_ && file_ != stdin) std::fclose(file_);
  }
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Next line without its end; false at the end. `too_long` is set for a line over kMaxArticleBytes,
  // which is consumed but not returned.
  bool next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == len_ && !fill()) return any;
      any = true;
      const char* begin = buf_.data() + pos_;
      const char* nl = static_cast<const char*>(std::memchr(begin, '\n', len_ - pos_));
      const std::size_t n = nl ? static_cast<std::size_t>(nl - begin) : len_ - pos_;
      if (!too_long && line.size() + n > kMaxArticleBytes) {
        too_long = true;
        line.clear();
      }
      if (!too_long) line.append(begin, n);
      pos_ += n;
      if (nl) {
        ++pos_;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
      }
    }
  }

 private:
  bool fill() {
    pos_ = 0;
    if (gz_) {
      int n = gzread(gz_, buf_.data(), static_cast<unsigned>(buf_.size()));
      if (n < 0) {
        int err = 0;
        const char* msg = gzerror(gz_, &err);
        throw InputError(path_ + ": cannot read: " + (msg ? msg : "gzip error"));
      }
      len_ = static_cast<std::size_t>(n);
    } else {
      len_ = std::fread(buf_.data(), 1, buf_.size(), file_);
      if (len_ == 0 && std::ferror(file_)) throw InputError(path_ + ": cannot read: " + std::strerror(errno));
    }
    return len_ > 0;
  }

  std::string path_;
  std::FILE* file_ = nullptr;
  gzFile gz_ = nullptr;
  std::vector<char> buf_ = std::vector<char>(1 << 17);
  std::size_t pos_ = 0, len_ = 0;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot open: " + std::strerror(errno));
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxArticleBytes)
    throw InputError(path.string() + ": file is " + std::to_string(size >> 20) + " MiB; articles over " +
                     std::to_string(kMaxArticleBytes >> 20) + " MiB are skipped");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(path.string() + ": cannot read: " + std::strerror(errno));
  return data;
}

std::string json_string(const nlohmann::json& obj, const char* key, const std::string& origin) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return {};
  if (it->is_string()) return std::string(trim(it->get_ref<const std::string&>()));
  if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
  throw InputError(origin + ": field \"" + key + "\" is " + it->type_name() + ", expected a string");
}

// Metadata for the .txt files of one directory, keyed by file name.
using DirMetadata = std::map<std::string, std::map<std::string, std::string>>;

DirMetadata read_metadata(const fs::path& dir, const ReadCallbacks& cb) {
  DirMetadata meta;
  const fs::path path = dir / kMetadataFile;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return meta;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::vector<std::string> columns;
  std::size_t lineno = 0;
  auto split = [](const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
      std::size_t tab = s.find('\t', start);
      parts.emplace_back(trim(std::string_view(s).substr(start, tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    return parts;
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty() || line[0] == '#') continue;
    if (find_invalid_utf8(line)) {
      cb.problem(path.string() + ":" + std::to_string(lineno) + ": invalid UTF-8; line ignored");
      continue;
    }
    auto parts = split(line);
    if (columns.empty()) {
      columns = parts;
      if (std::find(columns.begin(), columns.end(), "file") == columns.end()) {
        cb.problem(path.string() + ":" + std::to_string(lineno) + ": header has no \"file\" column; file ignored");
        return {};
      }
      continue;
    }
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < columns.size() && i < parts.size(); ++i) {
      if (!parts[i].empty()) row[columns[i]] = parts[i];
    }
    if (row.count("file")) meta[row["file"]] = std::move(row);
  }
  return meta;
}

class InputWalker {
 public:
  explicit InputWalker(const ReadCallbacks& cb) : cb_(cb) {}

  void input(const std::string& arg) {
    if (arg == "-") {
      root_.clear();
      jsonl("-");
      return;
    }
    std::error_code abs_ec;
    root_ = fs::absolute(arg, abs_ec).lexically_normal().string();
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      cb_.problem(arg + ": no such file or directory");
      return;
    }
    if (fs::is_directory(st)) {
      directory(fs::path(arg));
      return;
    }
    fs::path p(arg);
    switch (kind_of(p.filename().string())) {
      case Kind::txt: case Kind::html:
        page(p, p.filename().string(), read_metadata(p.parent_path().empty() ? "." : p.parent_path(), cb_));
        break;
      case Kind::jsonl: case Kind::jsonl_gz: jsonl(arg); break;
      case Kind::other:
        cb_.problem(arg + ": not a .txt, .html, .jsonl or .jsonl.gz file; skipped");
        break;
    }
  }

 private:
  void directory(const fs::path& root) {
    // Walk each directory level in name order so that runs are reproducible.
    std::vector<fs::path> stack{root};
    while (!stack.empty()) {
      fs::path dir = stack.back();
      stack.pop_back();
      std::error_code ec;
      std::vector<fs::directory_entry> entries;
      for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        entries.push_back(*it);
      }
      if (ec) {
        cb_.problem(dir.string() + ": cannot read directory: " + ec.message());
        continue;
      }
      std::sort(entries.begin(), entries.end(),
                [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
      DirMetadata meta;
      bool meta_read = false;
      std::vector<fs::path> subdirs;
      for (const auto& e : entries) {
        std::error_code ec2;
        if (e.is_symlink(ec2)) continue;  // never follow links: no loops, no escaping the root
        if (e.is_directory(ec2)) {
          subdirs.push_back(e.path());
          continue;
        }
        if (!e.is_regular_file(ec2)) continue;
        const std::string name = e.path().filename().string();
        switch (kind_of(name)) {
          case Kind::txt: case Kind::html:
            if (!meta_read) {
              meta = read_metadata(dir, cb_);
              meta_read = true;
            }
            page(e.path(), fs::relative(e.path(), root).generic_string(), meta);
            break;
          case Kind::jsonl: case Kind::jsonl_gz: jsonl(e.path().string()); break;
          case Kind::other: break;
        }
      }
      // Push in reverse so that the first subdirectory is walked first.
      for (auto it = subdirs.rbegin(); it != subdirs.rend(); ++it) stack.push_back(*it);
    }
  }

  // One article per file: a scraped text page, or a saved HTML page.
  void page(const fs::path& path, const std::string& id, const DirMetadata& meta) {
    const std::string where = path.string();
    try {
      const std::string bytes = read_file(path);
      if (trim(bytes).empty()) throw InputError(where + ": empty file; skipped");
      DecodedText decoded = decode_text(bytes, where);
      if (trim(decoded.utf8).empty()) throw InputError(where + ": empty file; skipped");
      Article a;
      a.id = id;
      a.origin = where;
      a.encoding = std::move(decoded.encoding);
      a.root = root_;
      std::error_code ec;
      a.file = fs::absolute(path, ec).lexically_normal().string();
      if (kind_of(path.filename().string()) == Kind::html) {
        HtmlPage html = extract_html(decoded.utf8);
        a.title = std::move(html.title);
        a.text = std::move(html.body);
        a.source = std::move(html.source);
        a.url = std::move(html.url);
        if (html.date) {
          a.date = html.date;
          a.date_source = DateSource::metadata;
        } else if (auto d = find_publication_date_in_text(a.text)) {
          a.date = d->date;
          a.date_source = DateSource::text;
        }
      } else {
        CleanPage page = clean_page(decoded.utf8);
        a.title = std::move(page.title);
        a.text = std::move(page.body);
        if (page.date) {
          a.date = page.date;
          a.date_source = DateSource::text;
        }
      }
      if (!a.date) {
        if (auto d = parse_date_from_filename(path.filename().string())) {
          a.date = d;
          a.date_source = DateSource::filename;
        }
      }
      auto row = meta.find(path.filename().string());
      if (row != meta.end()) {
        const auto& r = row->second;
        auto get = [&](const char* k) -> const std::string* {
          auto it = r.find(k);
          return it == r.end() ? nullptr : &it->second;
        };
        if (auto v = get("id")) a.id = *v;
        if (auto v = get("title")) a.title = *v;
        if (auto v = get("source")) a.source = *v;
        if (auto v = get("url")) a.url = *v;
        if (auto v = get("category")) a.category = *v;
        if (auto v = get("author")) a.author = *v;
        if (auto v = get("date")) {
          if (auto d = parse_date_field(*v)) {
            a.date = d;
            a.date_source = DateSource::metadata;
          } else {
            cb_.problem(where + ": date \"" + *v + "\" in " + kMetadataFile + " is not a date; ignored");
          }
        }
      }
      if (trim(a.text).empty()) throw InputError(where + ": no article text after removing boilerplate; skipped");
      cb_.article(std::move(a));
    } catch (const InputError& e) {
      cb_.problem(e.what());
    }
  }

  void jsonl(const std::string& path) {
    const std::string name = path == "-" ? "<stdin>" : path;
    std::error_code ec;
    const std::string file = path == "-" ? std::string() : fs::absolute(path, ec).lexically_normal().string();
    try {
      LineReader reader(path);
      std::string line;
      bool too_long = false;
      std::size_t lineno = 0;
      while (reader.next(line, too_long)) {
        ++lineno;
        const std::string where = name + ":" + std::to_string(lineno);
        if (too_long) {
          cb_.problem(where + ": line longer than " + std::to_string(kMaxArticleBytes >> 20) + " MiB; skipped");
          continue;
        }
        if (trim(line).empty()) continue;
        try {
          Article a = parse_json_article(line, where);
          a.file = file;
          a.root = root_;
          cb_.article(std::move(a));
        } catch (const InputError& e) {
          cb_.problem(e.what());
        }
      }
      if (lineno == 0) cb_.problem(name + ": empty file; skipped");
    } catch (const InputError& e) {
      cb_.problem(e.what());
    }
  }

  const ReadCallbacks& cb_;
  std::string root_;  // absolute path of the input being walked; empty for stdin
};

}  // namespace

Article parse_json_article(std::string_view line, const std::string& origin) {
  if (auto bad = find_invalid_utf8(line))
    throw InputError(origin + ": invalid UTF-8 at byte " + std::to_string(*bad) + "; skipped");
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {  // parse errors, and numbers out of range (1e999)
    // "[json.exception.parse_error.101] parse error at line 1, column 7: ..." → keep what follows the tag
    std::string msg = e.what();
    const auto at = msg.find("] ");
    throw InputError(origin + ": malformed JSON (" + (at == std::string::npos ? msg : msg.substr(at + 2)) + "); skipped");
  }
  if (!obj.is_object()) throw InputError(origin + ": JSON value is not an object; skipped");
  Article a;
  a.origin = origin;
  a.id = json_string(obj, "id", origin);
  if (a.id.empty()) throw InputError(origin + ": no \"id\"; skipped");
  a.text = json_string(obj, "text", origin);
  a.title = json_string(obj, "title", origin);
  if (a.text.empty()) throw InputError(origin + ": document \"" + a.id + "\" has no \"text\"; skipped");
  if (looks_binary(a.text)) throw InputError(origin + ": document \"" + a.id + "\" text is binary data; skipped");
  a.source = json_string(obj, "source", origin);
  a.url = json_string(obj, "url", origin);
  a.category = json_string(obj, "category", origin);
  a.author = json_string(obj, "author", origin);
  std::string date = json_string(obj, "date", origin);
  if (!date.empty()) {
    if (auto d = parse_date_field(date)) {
      a.date = d;
      a.date_source = DateSource::metadata;
    }
  }
  if (!a.date) {
    if (auto d = find_publication_date_in_text(a.text)) {
      a.date = d->date;
      a.date_source = DateSource::text;
    }
  }
  return a;
}

void read_inputs(const std::vector<std::string>& inputs, const ReadCallbacks& callbacks) {
  InputWalker walker(callbacks);
  for (const auto& in : inputs) walker.input(in);
}

}  // namespace bahth
