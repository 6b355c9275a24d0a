#include "cli/options.h"

#include <unicode/uversion.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include <xapian.h>

#include "base/choices.h"
#include "base/errors.h"
#include "cli/completion.h"
#include "cli/manpage.h"

#ifndef BAHTH_VERSION
#error "BAHTH_VERSION must be defined by the build (the project's version)"
#endif

namespace bahth {

namespace {

enum class Generated { man, bash, zsh };
// --generate's choices; the names are ripgrep's (rg --generate man, complete-bash, complete-zsh).
constexpr Choice<Generated> kGenerated[] = {
    {"man", Generated::man}, {"complete-bash", Generated::bash}, {"complete-zsh", Generated::zsh}};

std::string derived_value_name(const OptionDoc& o) {
  switch (o.value.kind) {
    case ValueKind::file: return "FILE";
    case ValueKind::directory: return "DIR";
    case ValueKind::choice_list: return "LIST";
    default: break;
  }
  if (!o.default_value.empty() &&
      std::all_of(o.default_value.begin(), o.default_value.end(), [](unsigned char c) { return std::isdigit(c); }))
    return "N";
  std::string name = o.long_name;
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

std::string help_text(const cxxopts::Options& spec, const ProgramHelp& help) {
  std::string out = spec.help();
  for (const HelpSection& s : help.sections)
    out += "\n" + s.title + ":\n" + s.text + (!s.text.empty() && s.text.back() == '\n' ? "" : "\n");
  return out;
}

}  // namespace

std::vector<OptionDoc> describe_options(const cxxopts::Options& spec, const ProgramHelp& help) {
  std::vector<OptionDoc> out;
  for (const cxxopts::HelpOptionDetails& d : spec.group_help("").options) {
    OptionDoc o;
    o.short_name = d.s;
    o.long_name = d.l.empty() ? std::string() : d.l.front();
    if (o.long_name == help.positional) continue;
    o.description = d.desc;
    o.takes_value = !d.is_boolean;
    o.repeatable = d.is_container;
    if (o.takes_value && d.has_default) o.default_value = d.default_value;
    o.value.option = o.long_name;
    for (const ValueHint& h : help.values)
      if (h.option == o.long_name) o.value = h;
    o.value_name = o.value.value_name.empty() ? derived_value_name(o) : o.value.value_name;
    out.push_back(std::move(o));
  }
  return out;
}

std::string default_index_path() {
  if (const char* p = std::getenv("BAHTH_INDEX"); p && *p) return p;
  if (const char* p = std::getenv("XDG_DATA_HOME"); p && *p) return std::string(p) + "/bahth/index";
  if (const char* p = std::getenv("HOME"); p && *p) return std::string(p) + "/.local/share/bahth/index";
  return "bahth-index.db";
}

std::string version_text(const std::string& program) {
  // The libraries' run-time versions, not the headers': what a bug report needs is what is loaded.
  UVersionInfo icu;
  u_getVersion(icu);
  char icu_text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, icu_text);
  return program + " " + BAHTH_VERSION + "\nXapian " + Xapian::version_string() + "\nICU " + icu_text + "\n";
}

cxxopts::Options option_spec(const ProgramHelp& help) {
  cxxopts::Options spec(help.name, help.summary + "\n\n" + help.description + "\n");
  spec.custom_help(help.usage);
  spec.positional_help("");  // the usage names the positional arguments
  return spec;
}

cxxopts::ParseResult parse_command_line(cxxopts::Options& spec, int argc, char** argv, const ProgramHelp& help) {
  spec.add_options()("h,help", "show this help")("version", "show the versions of Bahth, Xapian and ICU")
      ("generate", "print this program's man page or a shell completion script: " + choice_names(kGenerated),
       cxxopts::value<std::string>());
  if (!help.positional.empty()) spec.parse_positional({help.positional});
  cxxopts::ParseResult r;
  try {
    r = spec.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& e) {
    throw UsageError(e.what());
  }
  if (r.count("help")) {
    std::cout << help_text(spec, help);
    std::exit(0);
  }
  if (r.count("version")) {
    std::cout << version_text(help.name);
    std::exit(0);
  }
  if (r.count("generate")) {
    const Generated what = parse_choice(kGenerated, r["generate"].as<std::string>(), "--generate");
    ProgramHelp full = help;
    full.values.push_back({"generate", ValueKind::choice, choice_strings(kGenerated), "KIND"});
    const std::vector<OptionDoc> options = describe_options(spec, full);
    if (what == Generated::man) std::cout << man_page(full, options, BAHTH_VERSION);
    if (what == Generated::bash) std::cout << bash_completion(full, options);
    if (what == Generated::zsh) std::cout << zsh_completion(full, options);
    std::exit(0);
  }
  return r;
}

void ignore_sigpipe() { std::signal(SIGPIPE, SIG_IGN); }

}  // namespace bahth
