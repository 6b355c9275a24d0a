// The completion writers: what each kind of value completes to, in bash and zsh. (tests/tools.py runs the
// installed scripts in bash itself against the real programs.)
#include <doctest/doctest.h>

#include "cli/completion.h"

namespace {

struct Scripts {
  std::string bash, zsh;
};

Scripts scripts_of() {
  using bahth::ValueKind;
  bahth::ProgramHelp h;
  h.name = "bahth-demo";
  h.usage = "[options] FILE...";
  h.positional = "files";
  h.values = {{"format", ValueKind::choice, {"plain", "json"}},
              {"facets", ValueKind::choice_list, {"year", "month"}},
              {"queries", ValueKind::file, {}},
              {"index", ValueKind::directory, {}},
              {"files", ValueKind::file, {}}};
  cxxopts::Options spec = bahth::option_spec(h);
  spec.add_options()("format", "plain or json", cxxopts::value<std::string>())
      ("facets", "count by", cxxopts::value<std::string>())("queries", "a file", cxxopts::value<std::string>())
      ("i,index", "index directory (default here)", cxxopts::value<std::vector<std::string>>())
      ("n,limit", "lines; at most", cxxopts::value<int>())("quiet", "say [nothing]")
      ("files", "the files", cxxopts::value<std::vector<std::string>>());
  const auto options = bahth::describe_options(spec, h);
  return {bahth::bash_completion(h, options), bahth::zsh_completion(h, options)};
}

}  // namespace

TEST_CASE("bash completion: one case per option with a value, by kind") {
  const std::string bash = scripts_of().bash;
  const char* expected[] = {
      "_bahth_demo() {\n",
      "    --format)\n      mapfile -t COMPREPLY < <(compgen -P \"$pre\" -W 'plain json' -- \"$cur\")\n",
      "    --facets)\n      compopt -o nospace",
      "compgen -P \"$pre$given\" -W 'year month' -- \"${cur##*,}\")",
      "    --queries)\n      compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -P \"$pre\" -f -- \"$cur\")\n",
      "    -i|--index)\n      compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -P \"$pre\" -d -- \"$cur\")\n",
      "    -n|--limit)\n      :\n      return 0 ;;\n",
      "compgen -W '--format --facets --queries --index -i --limit -n --quiet' -- \"$cur\"",
      "complete -F _bahth_demo bahth-demo\n",
  };
  for (const char* part : expected) {
    CAPTURE(std::string(part));
    CHECK(bash.find(part) != std::string::npos);
  }
  CHECK(bash.find("--quiet)") == std::string::npos);  // a flag takes no value
}

TEST_CASE("zsh completion: _arguments specs, descriptions cut and escaped") {
  const std::string zsh = scripts_of().zsh;
  const char* expected[] = {
      "#compdef bahth-demo\n",
      "  '--format=[plain or json]:FORMAT:(plain json)' \\\n",
      "  '--facets=[count by]:LIST:_sequence compadd - year month' \\\n",
      "  '--queries=[a file]:FILE:_files' \\\n",
      "  '*'{-i+,--index=}'[index directory]:DIR:_files -/' \\\n",
      "  '(-n --limit)'{-n+,--limit=}'[lines]:LIMIT: ' \\\n",
      "  '--quiet[say \\[nothing\\]]' \\\n",
      "  '*:files:_files'\n",
  };
  for (const char* part : expected) {
    CAPTURE(std::string(part));
    CHECK(zsh.find(part) != std::string::npos);
  }
}
