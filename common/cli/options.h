// The two programs' command line, described once: cxxopts holds the options (names, descriptions,
// defaults), a ProgramHelp holds the rest (synopsis, what each value is, the prose sections), and --help,
// the man page (cli/manpage.h) and the shell completions (cli/completion.h) are all printed from the two,
// so none of them can drift from what the parser accepts.
//
//   bahth-search --help                     options, then the sections
//   bahth-search --version                  "bahth-search 0.1.0", "Xapian 1.4.22", "ICU 72.1"
//   bahth-search --generate man             the man page (roff); complete-bash, complete-zsh: the scripts
#pragma once

#include <string>
#include <vector>

// Repeated options (--index, --delete) are lists; a value is never split (paths and ids may hold commas).
#define CXXOPTS_VECTOR_DELIMITER '\0'
#include <cxxopts.hpp>

namespace bahth {

/// What an option's value is, for completions (what to offer) and the man page (how to name it).
enum class ValueKind {
  text,         ///< anything: nothing to offer
  file,         ///< a file name
  directory,    ///< a directory name
  choice,       ///< one of `choices`
  choice_list,  ///< a comma-separated list of `choices`
};

/// What cxxopts does not know about an option's value. Options without a hint are `text` (or flags).
struct ValueHint {
  std::string option;                ///< the long name, without dashes ("format")
  ValueKind kind = ValueKind::text;
  std::vector<std::string> choices;  ///< choice, choice_list: every valid value, as the parser accepts them
  std::string value_name = {};       ///< the man page's name for the value ("DATE"); default from the kind
};

/// Prose printed after the options: by --help as "Title:" and the text, in the man page as a section.
/// The text is paragraphs separated by blank lines; lines indented by two spaces are kept as they are
/// (examples, tables of codes).
struct HelpSection {
  std::string title;
  std::string text;
};

/// Everything about a program's command line that is not an option.
struct ProgramHelp {
  std::string name;         ///< "bahth-search"
  std::string summary;      ///< one line: the head of --help and the man page's NAME
  std::string usage;        ///< after the name in the synopsis: "[--index DIR] [options] QUERY..."
  std::string positional;   ///< the option that takes the positional arguments ("query")
  std::string description;  ///< a paragraph: the man page's DESCRIPTION, printed by --help under the summary
  std::vector<ValueHint> values;
  std::vector<HelpSection> sections;
};

/// One option as the man page and the completions see it: cxxopts' definition plus its hint.
struct OptionDoc {
  std::string short_name;     ///< "i", or empty
  std::string long_name;      ///< "index"
  std::string description;
  std::string default_value;  ///< empty when there is none
  bool takes_value = false;   ///< false: a flag
  bool repeatable = false;    ///< a list option that may be given several times (--index)
  ValueHint value;            ///< kind text without a hint
  std::string value_name;     ///< "DIR", "N", "FORMAT" ...: the hint's, else one derived from the kind
};

/// The options of `spec` in the order they were added, without the positional one; with their hints.
std::vector<OptionDoc> describe_options(const cxxopts::Options& spec, const ProgramHelp& help);

/// The index used when --index is not given: $BAHTH_INDEX, else $XDG_DATA_HOME/bahth/index, else
/// ~/.local/share/bahth/index.
std::string default_index_path();

/// The versions of Bahth and of the Xapian and ICU libraries it runs with, one a line, the first
/// "PROGRAM VERSION".
std::string version_text(const std::string& program);

/// The cxxopts options of `help`'s program, to which the program adds its own.
cxxopts::Options option_spec(const ProgramHelp& help);

/// Adds --help, --version and --generate to `spec` and parses the command line. --help prints the options
/// and `help`'s sections, --version the versions, --generate KIND the man page or a completion script, and
/// each exits 0. cxxopts' errors and a wrong --generate become UsageError.
cxxopts::ParseResult parse_command_line(cxxopts::Options& spec, int argc, char** argv, const ProgramHelp& help);

/// Makes writes to a closed pipe fail with EPIPE instead of killing the process, so `| head` ends quietly.
void ignore_sigpipe();

}  // namespace bahth
