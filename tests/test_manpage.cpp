// The man page writer: roff escaping (minus signs, backslashes, a leading dot), options in bold, the
// sections in order, literal blocks kept as they are.
#include <doctest/doctest.h>

#include "cli/manpage.h"

namespace {

bahth::ProgramHelp sample_help() {
  bahth::ProgramHelp h;
  h.name = "bahth-demo";
  h.summary = "Show a demo.";
  h.usage = "[options] FILE...";
  h.positional = "files";
  h.description = "Reads FILE and shows it.";
  h.values = {{"format", bahth::ValueKind::choice, {"plain", "json"}}, {"files", bahth::ValueKind::file, {}}};
  h.sections = {{"Exit status", "  0  shown\n  2  error"}, {"Notes", ".dot first, then --format and a\\b"}};
  return h;
}

std::string page_of(bahth::ProgramHelp h) {
  cxxopts::Options spec = bahth::option_spec(h);
  spec.add_options()("n,limit", "lines to show", cxxopts::value<int>()->default_value("10"))
      ("format", "plain or json; see --limit", cxxopts::value<std::string>()->default_value("plain"))
      ("quiet", "say nothing")("files", "the files", cxxopts::value<std::vector<std::string>>());
  return bahth::man_page(h, bahth::describe_options(spec, h), "9.9");
}

}  // namespace

TEST_CASE("man page: header, name, synopsis and every option with its value and default") {
  const std::string page = page_of(sample_help());
  const char* expected[] = {
      ".TH BAHTH-DEMO 1 \"\" \"Bahth 9.9\" \"User Commands\"\n",
      ".SH NAME\nbahth\\-demo \\- show a demo\n",
      ".SH SYNOPSIS\n\\fBbahth\\-demo\\fR [options] FILE...\n",
      ".SH DESCRIPTION\nReads FILE and shows it.\n",
      ".TP\n\\fB\\-n\\fR, \\fB\\-\\-limit\\fR \\fIN\\fR\nlines to show (default: 10)\n",
      ".TP\n\\fB\\-\\-format\\fR \\fIFORMAT\\fR\nplain or json; see \\fB\\-\\-limit\\fR (default: plain)\n",
      ".TP\n\\fB\\-\\-quiet\\fR\nsay nothing\n",
  };
  for (const char* part : expected) {
    CAPTURE(std::string(part));
    CHECK(page.find(part) != std::string::npos);
  }
  CHECK(page.find("\\-\\-files") == std::string::npos);  // the positional arguments are in the synopsis
}

TEST_CASE("man page: sections in order, literal blocks, a leading dot and backslashes escaped") {
  const std::string page = page_of(sample_help());
  const std::size_t exit_status = page.find(".SH EXIT STATUS\n.RS 2\n.nf\n0  shown\n2  error\n.fi\n.RE\n");
  const std::size_t notes = page.find(".SH NOTES\n\\&.dot first, then \\fB\\-\\-format\\fR and a\\eb\n");
  CHECK(exit_status != std::string::npos);
  CHECK(notes != std::string::npos);
  CHECK(exit_status < notes);
  CHECK(page.find(".SH OPTIONS") < exit_status);
}
