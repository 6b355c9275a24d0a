#include "cli/manpage.h"

#include <cctype>
#include <sstream>

namespace bahth {

namespace {

bool option_char(char c) {
  return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-';
}

// Backslashes and minus signs escaped: a plain "-" may print as a hyphen that cannot be pasted into a shell.
std::string escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  return out;
}

// A line of text for roff: escaped, long options (--from) in bold, a leading "." or "'" made literal (it
// would be read as a request).
std::string roff_line(const std::string& text) {
  std::string out;
  std::size_t plain = 0;  // start of the text not yet copied
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const bool starts_option = (i == 0 || !option_char(text[i - 1])) && text.compare(i, 2, "--") == 0 &&
                               std::islower(static_cast<unsigned char>(text[i + 2]));
    if (!starts_option) continue;
    std::size_t end = i + 2;
    while (end < text.size() && option_char(text[end])) ++end;
    out += escape(text.substr(plain, i - plain)) + "\\fB" + escape(text.substr(i, end - i)) + "\\fR";
    plain = end;
    i = end - 1;
  }
  out += escape(text.substr(plain));
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

// Help text (options.h: paragraphs, and lines indented by two spaces kept as they are) as roff.
std::string roff_text(const std::string& text) {
  std::ostringstream out;
  std::istringstream in(text);
  bool literal = false;
  for (std::string line; std::getline(in, line);) {
    const bool indented = line.compare(0, 2, "  ") == 0;
    if (indented != literal) {
      out << (indented ? ".RS 2\n.nf\n" : ".fi\n.RE\n");
      literal = indented;
    }
    if (line.find_first_not_of(' ') == std::string::npos) {
      if (!literal) out << ".PP\n";
      continue;
    }
    out << roff_line(indented ? line.substr(2) : line) << "\n";
  }
  if (literal) out << ".fi\n.RE\n";
  return out.str();
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string man_page(const ProgramHelp& help, const std::vector<OptionDoc>& options, const std::string& version) {
  std::ostringstream out;
  // man-db's preconv reads this line to know the page is UTF-8 (Arabic examples).
  out << ".\\\" -*- coding: UTF-8 -*-\n"
      << ".\\\" Written by `" << help.name << " --generate man` from the program's own option definitions.\n"
      << ".TH " << upper(help.name) << " 1 \"\" \"Bahth " << version << "\" \"User Commands\"\n";
  std::string summary = help.summary;
  if (!summary.empty() && summary.back() == '.') summary.pop_back();
  if (!summary.empty()) summary[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(summary[0])));
  out << ".SH NAME\n" << escape(help.name) << " \\- " << escape(summary) << "\n";
  out << ".SH SYNOPSIS\n\\fB" << escape(help.name) << "\\fR " << escape(help.usage) << "\n";
  out << ".SH DESCRIPTION\n" << roff_text(help.description);
  out << ".SH OPTIONS\n";
  for (const OptionDoc& o : options) {
    out << ".TP\n";
    if (!o.short_name.empty()) out << "\\fB\\-" << escape(o.short_name) << "\\fR, ";
    out << "\\fB\\-\\-" << escape(o.long_name) << "\\fR";
    if (o.takes_value) out << " \\fI" << escape(o.value_name) << "\\fR";
    out << "\n" << roff_line(o.description);
    if (!o.default_value.empty()) out << " (default: " << escape(o.default_value) << ")";
    if (o.repeatable && o.description.find("repeat") == std::string::npos) out << "; may be given more than once";
    out << "\n";
  }
  for (const HelpSection& s : help.sections) out << ".SH " << upper(s.title) << "\n" << roff_text(s.text);
  return out.str();
}

}  // namespace bahth
