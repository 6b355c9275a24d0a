#include "cli/completion.h"

#include <algorithm>
#include <sstream>

namespace bahth {

namespace {

std::string join(const std::vector<std::string>& words, const std::string& separator) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

// A word for a single-quoted shell string.
std::string single_quoted(const std::string& s) {
  std::string out;
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

// The hint of the positional arguments (bahth-index's inputs are files), or text.
ValueHint positional_hint(const ProgramHelp& help) {
  for (const ValueHint& h : help.values)
    if (h.option == help.positional) return h;
  return {help.positional, ValueKind::text, {}};
}

// The bash commands that fill COMPREPLY with values of `kind` for "$cur" (after "$pre", the "--opt=" of an
// unsplit word). File names go through mapfile so that names with spaces stay whole.
std::string bash_values(const ValueHint& value) {
  const std::string words = "'" + single_quoted(join(value.choices, " ")) + "'";
  switch (value.kind) {
    case ValueKind::choice:
      return "mapfile -t COMPREPLY < <(compgen -P \"$pre\" -W " + words + " -- \"$cur\")";
    case ValueKind::choice_list:
      // complete the last item of a comma list; no space after it, so another ",item" can follow
      return "compopt -o nospace 2>/dev/null; local given=; [[ $cur == *,* ]] && given=${cur%,*},\n"
             "      mapfile -t COMPREPLY < <(compgen -P \"$pre$given\" -W " + words + " -- \"${cur##*,}\")";
    case ValueKind::file:
      return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -P \"$pre\" -f -- \"$cur\")";
    case ValueKind::directory:
      return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -P \"$pre\" -d -- \"$cur\")";
    case ValueKind::text:
      break;
  }
  return ":";  // a value the shell cannot guess (a number, a date): offer nothing
}

// An option's description cut to its first clause (before "; " or " ("), brackets and backslashes
// escaped: _arguments ends the description at the first unescaped "]".
std::string zsh_description(const std::string& description) {
  std::string d = description.substr(0, std::min(description.find("; "), description.find(" (")));
  while (!d.empty() && (d.back() == ' ' || d.back() == ',')) d.pop_back();
  if (d.size() > 70) d = d.substr(0, d.rfind(' ', 70)) + " ...";
  std::string out;
  for (const char c : d) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return single_quoted(out);
}

std::string zsh_action(const ValueHint& value) {
  switch (value.kind) {
    case ValueKind::choice: return "(" + join(value.choices, " ") + ")";
    case ValueKind::choice_list: return "_sequence compadd - " + join(value.choices, " ");
    case ValueKind::file: return "_files";
    case ValueKind::directory: return "_files -/";
    case ValueKind::text: break;
  }
  return " ";  // only the value's name as a message
}

}  // namespace

std::string bash_completion(const ProgramHelp& help, const std::vector<OptionDoc>& options) {
  std::string function = "_" + help.name;
  for (char& c : function)
    if (c == '-') c = '_';
  std::vector<std::string> names;
  std::ostringstream cases;
  for (const OptionDoc& o : options) {
    names.push_back("--" + o.long_name);
    if (!o.short_name.empty()) names.push_back("-" + o.short_name);
    if (!o.takes_value) continue;
    cases << "    " << (o.short_name.empty() ? "" : "-" + o.short_name + "|") << "--" << o.long_name << ")\n"
          << "      " << bash_values(o.value) << "\n      return 0 ;;\n";
  }
  std::ostringstream out;
  out << "# bash completion for " << help.name << ", written by `" << help.name
      << " --generate complete-bash` from its option definitions.\n"
      << function << "() {\n"
      << "  local cur=${COMP_WORDS[COMP_CWORD]} prev= pre=\n"
      << "  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      << "  # --opt=value: bash splits the word at \"=\" (COMP_WORDBREAKS), unless that was changed\n"
      << "  if [[ $cur == --*=* ]]; then\n"
      << "    prev=${cur%%=*} pre=${cur%%=*}= cur=${cur#*=}\n"
      << "  elif [[ $cur == = ]]; then\n"
      << "    cur=\n"
      << "  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
      << "    prev=${COMP_WORDS[COMP_CWORD-2]}\n"
      << "  fi\n"
      << "  COMPREPLY=()\n"
      << "  case $prev in\n"
      << cases.str() << "  esac\n"
      << "  if [[ $cur == -* ]]; then\n"
      << "    mapfile -t COMPREPLY < <(compgen -W '" << single_quoted(join(names, " ")) << "' -- \"$cur\")\n"
      << "    return 0\n"
      << "  fi\n"
      << "  " << bash_values(positional_hint(help)) << "\n"
      << "  return 0\n"
      << "}\n"
      << "complete -F " << function << " " << help.name << "\n";
  return out.str();
}

std::string zsh_completion(const ProgramHelp& help, const std::vector<OptionDoc>& options) {
  std::ostringstream out;
  out << "#compdef " << help.name << "\n"
      << "# zsh completion for " << help.name << ", written by `" << help.name
      << " --generate complete-zsh` from its option definitions.\n"
      << "_arguments -s -S \\\n";
  for (const OptionDoc& o : options) {
    const std::string value =
        o.takes_value ? ":" + o.value_name + ":" + single_quoted(zsh_action(o.value)) : std::string();
    const std::string exclusive = o.repeatable ? "'*'" : "";
    if (o.short_name.empty()) {
      out << "  " << exclusive << "'--" << o.long_name << (o.takes_value ? "=" : "") << "["
          << zsh_description(o.description) << "]" << value << "' \\\n";
    } else {
      out << "  " << (o.repeatable ? "'*'" : "'(-" + o.short_name + " --" + o.long_name + ")'") << "{-"
          << o.short_name << (o.takes_value ? "+" : "") << ",--" << o.long_name << (o.takes_value ? "=" : "")
          << "}'[" << zsh_description(o.description) << "]" << value << "' \\\n";
    }
  }
  const ValueHint rest = positional_hint(help);
  std::string rest_name = rest.value_name.empty() ? help.positional : rest.value_name;
  out << "  '*:" << rest_name << ":" << single_quoted(zsh_action(rest)) << "'\n";
  return out.str();
}

}  // namespace bahth
