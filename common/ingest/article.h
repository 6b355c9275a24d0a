// An article as read from any input, before analysis.
#pragma once

#include <optional>
#include <string>

#include "dates/calendar.h"
#include "dates/fields.h"

namespace bahth {

struct Article {
  std::string id;        ///< stable unique id: the JSON "id", or the file's path relative to its input root
  std::string title;
  std::string text;      ///< the body as published (boilerplate removed for scraped pages)
  std::string source;
  std::string url;
  std::string category;
  std::string author;
  std::optional<CivilDate> date;                ///< publication date
  DateSource date_source = DateSource::none;    ///< where `date` came from
  std::string origin;    ///< where it was read, for messages: "path" or "path:line"
  std::string file;      ///< absolute path of the file it was read from; empty for stdin
  std::string root;      ///< absolute path of the input (file or directory) named by the user; empty for stdin
  std::string encoding = "UTF-8";  ///< the encoding the input was in before conversion to UTF-8
};

}  // namespace bahth
