#!/usr/bin/env python3
"""What a user installs beside the programs: --version, the man pages, the shell completions, the Debian
package, the JSON Schemas of the JSON Lines output, and the README's sample output. Each case checks the
installed thing against the real programs, so that it fails when they drift apart (issue #16).

usage: tools.py --build DIR --root DIR --work DIR CASE
CASE is one of the functions named case_*. Exit 0 on success, 1 on failure, 77 when skipped (a tool missing).
"""
import argparse
import gzip
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import types

import e2e
from e2e import check, expect, index, run, search

PROGRAMS = ("bahth-index", "bahth-search")


def skip(why):
    print(f"SKIP: {why}", file=sys.stderr)
    sys.exit(77)


def binary(program):
    return os.path.join(ARGS.build, program)


def long_options(program):
    """The long options --help lists (the reference the man page and completions must follow)."""
    rc, out, _ = run([binary(program), "--help"])
    check(rc == 0, f"{program} --help exits 0")
    return re.findall(r"^  (?:-\w, |    )--([a-z][a-z0-9-]*)", out, flags=re.M)


def value_options(program):
    """The long options of --help that take a value ("--limit arg")."""
    _, out, _ = run([binary(program), "--help"])
    return re.findall(r"^  (?:-\w, |    )--([a-z][a-z0-9-]*) arg", out, flags=re.M)


def install_tree():
    """`cmake --install` of the build into a fresh prefix: what a user gets."""
    prefix = e2e.fresh("prefix")
    rc, _, err = run(["cmake", "--install", ARGS.build, "--prefix", prefix])
    check(rc == 0, f"cmake --install: {err.strip()[:300]}")
    return prefix


# ---------------------------------------------------------------------------------------------------------
def case_version():
    rc, out, _ = run(["xapian-config", "--version"])
    xapian = out.split()[-1] if rc == 0 else "?"
    rc, out, _ = run(["pkg-config", "--modversion", "icu-uc"])
    icu = out.strip() if rc == 0 else "?"
    with open(os.path.join(ARGS.root, "CMakeLists.txt")) as f:
        version = re.search(r"project\(bahth VERSION ([0-9.]+)", f.read()).group(1)
    for program in PROGRAMS:
        rc, out, err = run([binary(program), "--version"])
        check(rc == 0 and err == "", f"{program} --version: exit {rc}, stderr {err!r}")
        check(out == f"{program} {version}\nXapian {xapian}\nICU {icu}\n",
              f"{program} --version names Bahth {version}, Xapian {xapian}, ICU {icu}: {out!r}")


def man_sections(text):
    """Section name → body of a page rendered by man (sections are the unindented lines)."""
    sections, name = {}, None
    for line in text.splitlines():
        if line and not line[0].isspace():
            name = line.strip()
            sections[name] = ""
        elif name:
            sections[name] += line + "\n"
    return sections


def getenv_names(paths):
    names = set()
    for path in paths:
        full = os.path.join(ARGS.root, path)
        files = [os.path.join(full, f) for f in os.listdir(full)] if os.path.isdir(full) else [full]
        for f in files:
            if f.endswith((".cpp", ".h")):
                with open(f, encoding="utf-8") as src:
                    names.update(re.findall(r'getenv\("([A-Z_]+)"\)', src.read()))
    return names - {"HOME"}  # HOME is the "~" of the paths the page shows


# The sources of each program, for the environment variables its page must name.
SOURCES = {
    "bahth-index": ["indexer", "common/cli/options.cpp", "common/index", "common/ingest", "common/dates",
                    "common/text"],
    "bahth-search": ["searcher", "common/cli", "common/search"],
}


def case_man():
    prefix = install_tree()
    for program in PROGRAMS:
        page = os.path.join(prefix, "share", "man", "man1", program + ".1.gz")
        if not os.path.exists(page):
            check(False, f"cmake --install puts {page}")
            continue
        with gzip.open(page, "rt", encoding="utf-8") as f:
            source = f.read()
        check(".TH " + program.upper() + " 1" in source, f"{program}.1 is a section 1 page")
        rc, text, err = run(["man", "--warnings", "-l", page], env={"MANWIDTH": "200", "LANG": "C.UTF-8"})
        check(rc == 0 and err.strip() == "", f"man renders {program}.1 without warnings: {err.strip()[:500]}")
        sections = man_sections(text)
        for name in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"):
            check(name in sections, f"{program}.1 has a {name} section (it has {list(sections)})")
        documented = set(re.findall(r"^ {7}(?:-\w, )?--([a-z][a-z0-9-]*)", sections.get("OPTIONS", ""), flags=re.M))
        for option in long_options(program):
            check(option in documented, f"{program}.1 documents --{option}, which --help has")
        check(not documented - set(long_options(program)),
              f"{program}.1 documents only options the program has: {documented - set(long_options(program))}")
        home = os.environ.get("HOME", "")
        check("~/.local/share/bahth/index" in text and (len(home) < 2 or home + "/" not in text),
              f"{program}.1 names the default index as ~/.local/share/bahth/index, not the builder's home")
        for name in sorted(getenv_names(SOURCES[program])):
            check(name in sections.get("ENVIRONMENT", ""), f"{program}.1 ENVIRONMENT names ${name}, which it reads")
    rc, text, _ = run(["man", "-l", os.path.join(prefix, "share", "man", "man1", "bahth-search.1.gz")],
                      env={"MANWIDTH": "200", "LANG": "C.UTF-8"})
    sections = man_sections(text)
    check("mentioned:2022" in sections.get("QUERY SYNTAX", ""), "bahth-search.1 explains the query syntax")
    for record in ("begin", "hit", "facet", "summary", "error"):
        check(re.search(rf"^ +{record} ", sections.get("OUTPUT FOR SCRIPTS", ""), flags=re.M),
              f"bahth-search.1 describes the JSON Lines '{record}' record")
    check("بوتين الصين" in sections.get("EXAMPLES", ""), "the Arabic examples survive man's rendering")
    # every example of bahth-search is a command line it accepts (on an index of corpus/)
    db = e2e.corpus_index()
    work = e2e.fresh("examples")
    os.makedirs(work)
    e2e.write(os.path.join(work, "questions.tsv"), "1\tبوتين\n2\tالصين\n")
    examples = re.findall(r"^ +(bahth-search .*)$", sections.get("EXAMPLES", ""), flags=re.M)
    check(len(examples) >= 4, f"bahth-search.1 has examples: {examples}")
    for example in examples:
        argv = shlex.split(re.split(r" [|>] ", example)[0].replace("~/news.db", db))
        p = subprocess.run([binary("bahth-search"), *argv[1:]], capture_output=True, cwd=work, timeout=120)
        check(p.returncode in (0, 1), f"the example '{example}' runs: exit {p.returncode}, {p.stderr.decode()[:300]}")


# ---------------------------------------------------------------------------------------------------------
def accepted_choices(program, option):
    """The values the program itself accepts for `option`, read from the error a wrong value gets (the
    parser lists them), or None when it lists none (a value that is not a choice)."""
    rc, _, err = run([binary(program), f"--{option}", "__nope__", "--dry-run", "--index", e2e.fresh("nowhere"), "-"]
                     if program == "bahth-index" else
                     [binary(program), f"--{option}", "__nope__", "--index", e2e.fresh("nowhere"), "query"],
                     stdin=b"", env=sandbox_env())
    m = re.search(r"must be (.*), not '__nope__'|\(valid: (.*)\)", err)
    if not m:
        return None
    return re.split(r", | or ", m.group(1) or m.group(2))


def sandbox_env():
    """An environment in which a probe that does more than expected (saves state, writes an index) writes only
    under the test's work folder."""
    home = e2e.fresh("home")
    os.makedirs(home)
    return {"HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
            "XDG_CONFIG_HOME": home + "/config", "BAHTH_INDEX": home + "/index"}


def bash_complete(script, words, cwd=None):
    """COMPREPLY of the completion function in `script` for the command line `words` (the last one is being
    completed), computed by bash itself."""
    function = "_" + words[0].replace("-", "_")
    body = (f"source {shlex.quote(script)}\n"
            f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)})\n"
            f"COMP_CWORD={len(words) - 1}\n"
            f"COMP_LINE={shlex.quote(' '.join(words))}\n"
            f"{function}\n"
            "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", body], capture_output=True, text=True, cwd=cwd)
    check(p.returncode == 0 and p.stderr == "", f"completing {words}: exit {p.returncode}, stderr {p.stderr!r}")
    return [line for line in p.stdout.splitlines() if line]


FILE_OPTIONS = {"bahth-index": {"index": "dir", "delete-from": "file", "synonyms": "file"},
                "bahth-search": {"index": "dir", "queries": "file"}}


def case_completion():
    prefix = install_tree()
    files = e2e.fresh("files")
    os.makedirs(os.path.join(files, "news index"))
    e2e.write(os.path.join(files, "questions.tsv"), "1\tبوتين\n")
    for program in PROGRAMS:
        script = os.path.join(prefix, "share", "bash-completion", "completions", program)
        zsh = os.path.join(prefix, "share", "zsh", "vendor-completions", "_" + program)
        if not os.path.exists(script) or not os.path.exists(zsh):
            check(False, f"cmake --install puts {script} and {zsh}")
            continue
        options = long_options(program)
        offered = bash_complete(script, [program, "--"])
        wanted = {"--" + o for o in options}
        check(sorted(offered) == sorted(wanted), f"{program} --<TAB> offers exactly the options of --help: "
                                                 f"extra {set(offered) - wanted}, missing {wanted - set(offered)}")
        with open(zsh, encoding="utf-8") as f:
            zsh_text = f.read()
        for option in value_options(program):
            accepted = accepted_choices(program, option)
            completed = bash_complete(script, [program, f"--{option}", ""], cwd=files)
            kind = FILE_OPTIONS[program].get(option)
            if accepted is not None:
                check(sorted(completed) == sorted(accepted),
                      f"{program} --{option} <TAB> offers what the program accepts: offered {completed}, accepts {accepted}")
                zsh_line = re.search(rf"--{option}=[^\n]*", zsh_text)
                zsh_offers = re.findall(r"\w[\w-]*", re.search(r":[A-Z-]+:'?(?:\(|_sequence compadd - )([^)']*)",
                                                               zsh_line.group(0)).group(1)) if zsh_line else []
                check(sorted(zsh_offers) == sorted(accepted),
                      f"zsh: {program} --{option} offers what the program accepts: {zsh_offers} vs {accepted}")
            elif kind == "dir":
                check(completed == ["news index"], f"{program} --{option} <TAB> offers directories: {completed}")
            elif kind == "file":
                check(sorted(completed) == ["news index", "questions.tsv"],
                      f"{program} --{option} <TAB> offers file names: {completed}")
            else:
                check(completed == [], f"{program} --{option} <TAB> offers nothing for a free value: {completed}")
        if shutil.which("zsh"):
            rc, _, err = run(["zsh", "-n", zsh])
            check(rc == 0, f"zsh -n {zsh}: {err}")
    # the forms a user types: --opt=value, a comma list, a value after the option's short name
    script = os.path.join(prefix, "share", "bash-completion", "completions", "bahth-search")
    check(bash_complete(script, ["bahth-search", "--format", "=", "js"]) == ["json"], "--format=js<TAB> (split at =)")
    check(bash_complete(script, ["bahth-search", "--format=t"]) == ["--format=tsv", "--format=trec"],
          "--format=t<TAB> as one word")
    check(bash_complete(script, ["bahth-search", "--facets", "year,so"]) == ["year,source"], "--facets year,so<TAB>")
    check(bash_complete(script, ["bahth-search", "-i", "news"], cwd=files) == ["news index"], "-i news<TAB>")
    check(bash_complete(script, ["bahth-search", "--sort", "x"]) == [], "--sort x<TAB>: no such choice")
    indexer = os.path.join(prefix, "share", "bash-completion", "completions", "bahth-index")
    check(bash_complete(indexer, ["bahth-index", "que"], cwd=files) == ["questions.tsv"], "bahth-index INPUT<TAB>: files")


# ---------------------------------------------------------------------------------------------------------
def case_deb():
    for tool in ("dpkg-deb", "dpkg-shlibdeps", "cpack"):
        if not shutil.which(tool):
            skip(f"{tool} is missing (Debian package dpkg-dev / cmake): the .deb cannot be built")
    out_dir = e2e.fresh("package")
    rc, out, err = run(["cpack", "--config", os.path.join(ARGS.build, "CPackConfig.cmake"), "-G", "DEB", "-B", out_dir])
    check(rc == 0, f"cpack -G DEB: {out[-500:]} {err[-500:]}")
    debs = [f for f in os.listdir(out_dir) if f.endswith(".deb")]
    check(len(debs) == 1, f"cpack writes one .deb: {debs}")
    if len(debs) != 1:
        return
    deb = os.path.join(out_dir, debs[0])
    _, contents, _ = run(["dpkg-deb", "-c", deb])
    for path in ("./usr/bin/bahth-index", "./usr/bin/bahth-search", "./usr/share/man/man1/bahth-search.1.gz",
                 "./usr/share/man/man1/bahth-index.1.gz", "./usr/share/bash-completion/completions/bahth-search",
                 "./usr/share/zsh/vendor-completions/_bahth-index", "./usr/share/doc/bahth/README.md",
                 "./usr/share/doc/bahth/copyright", "./usr/share/bahth/bahth-search.schema.json",
                 "./usr/share/bahth/synonyms-news.txt"):
        check(re.search(rf" {re.escape(path)}$", contents, flags=re.M), f"the .deb holds {path}")
    root = e2e.fresh("root")
    rc, _, err = run(["dpkg-deb", "-x", deb, root])
    check(rc == 0, f"dpkg-deb -x: {err}")
    _, depends, _ = run(["dpkg-deb", "-f", deb, "Depends"])
    depends_on = {d.strip().split()[0] for d in depends.split(",") if d.strip()}
    for program in PROGRAMS:
        path = os.path.join(root, "usr", "bin", program)
        rc, out, _ = run(["ldd", path])
        check(rc == 0 and "not found" not in out, f"ldd {program}: every library is found:\n{out}")
        # every library it links (NEEDED) comes from a package that Depends names
        loaded = dict(re.findall(r"^\s*(\S+) => (/\S+)", out, flags=re.M))
        _, dynamic, _ = run(["readelf", "-d", path])
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
        check(len(needed) >= 5, f"readelf lists the libraries {program} links: {needed}")
        for soname in needed:
            lib = loaded.get(soname, soname)
            rc, owner, _ = run(["dpkg", "-S", os.path.realpath(lib)])
            if rc != 0:
                rc, owner, _ = run(["dpkg", "-S", lib])
            package = owner.split(":")[0] if rc == 0 else "?"
            check(package in depends_on, f"Depends ({depends.strip()}) names {package}, which holds {lib}")
        rc, out, _ = run([path, "--version"])
        check(rc == 0 and out.startswith(program + " "), f"{program} --version from the unpacked package: {out!r}")
    for package in ("libxapian30", "libicu72"):
        check(package in depends_on, f"Depends names {package}: {depends.strip()}")
    db = e2e.fresh("index")
    expect(run([os.path.join(root, "usr", "bin", "bahth-index"), "--index", db, os.path.join(ARGS.root, "corpus")]),
           0, None, "the packaged bahth-index indexes corpus/")
    expect(run([os.path.join(root, "usr", "bin", "bahth-search"), "--index", db, "بوتين"]), 0, None,
           "the packaged bahth-search finds بوتين")


# ---------------------------------------------------------------------------------------------------------
def case_schema():
    try:
        import jsonschema
    except ImportError:
        skip("python3-jsonschema is not installed (scripts/setup.sh installs it)")
    schemas = {}
    for name in ("bahth-search", "bahth-index-dry-run"):
        with open(os.path.join(ARGS.root, "common", "cli", name + ".schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[name] = jsonschema.Draft202012Validator(schema)

    def valid(name, records, what):
        check(records, f"{what}: some records")
        for r in records:
            errors = list(schemas[name].iter_errors(r))
            check(not errors, f"{what}: {json.dumps(r, ensure_ascii=False)[:200]} fails the schema: "
                              f"{errors[0].message[:300] if errors else ''}")

    db = e2e.corpus_index()
    seen = set()
    for args in (["--json", "بوتين"], ["--json", "--explain", '"شراكة بلا حدود" OR الصين'],
                 ["--json", "--facets", "year,month,source,category,mentioned-year", "بوتين"],
                 ["--json", "--fields", "id,date", "--limit", "2", "--offset", "1", "الصين"],
                 ["--json", "مجاس"], ["--json", "--facets", "year"], ["--json", "zzzzzz"]):
        rc, out, _ = search("--index", db, *args)
        records = e2e.jsonl(out)
        seen.update(r.get("type") for r in records)
        valid("bahth-search", records, "bahth-search " + " ".join(args))
    rc, out, _ = search("--index", db, "--json", "--queries", "-", stdin="1\tبوتين\n2\tdate:2022-13\n".encode())
    records = e2e.jsonl(out)
    seen.update(r.get("type") for r in records)
    valid("bahth-search", records, "a batch with a query that cannot run")
    check(seen == {"begin", "hit", "facet", "summary", "error"}, f"every record type was checked: {seen}")
    rc, out, _ = index("--dry-run", "--json", os.path.join(ARGS.root, "corpus"))
    dry = e2e.jsonl(out)
    valid("bahth-index-dry-run", dry, "bahth-index --dry-run --json corpus/")
    check(any(r["mentioned_dates"] for r in dry), "the dry run checked mentioned_dates records")
    # the schemas say something: records a script could not rely on are refused
    rc, out, _ = search("--index", db, "--json", "بوتين")
    hit = next(r for r in e2e.jsonl(out) if r["type"] == "hit")
    for broken in ({**hit, "date": "5 Feb 2022"}, {**hit, "rank": "1"}, {**hit, "colour": "red"},
                   {k: v for k, v in hit.items() if k != "query_id"}, {**hit, "type": "match"}):
        check(not schemas["bahth-search"].is_valid(broken), f"the schema refuses {json.dumps(broken)[:160]}")
    check(not schemas["bahth-index-dry-run"].is_valid({**dry[0], "date": "2022-02-05"}),
          "the dry-run schema refuses a date that is not {value, source}")


# ---------------------------------------------------------------------------------------------------------
def case_readme():
    with open(os.path.join(ARGS.root, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    m = re.search(r"`scripts/demo.sh` ends with[^\n]*\n\n```\n(.*?)```\n", readme, flags=re.S)
    check(m is not None, "the README has a sample output block after 'scripts/demo.sh ends with'")
    if not m:
        return
    command, expected = m.group(1).split("\n", 1)
    check(command.startswith("$ bahth-search "), f"the block starts with the command: {command!r}")
    argv = shlex.split(command[2:])
    db = e2e.corpus_index()
    argv = [a if a != "build/demo-index" else db for a in argv]
    rc, out, err = search(*argv[1:])
    check(rc == 0, f"the README's command runs: exit {rc}, {err.strip()[:300]}")
    if e2e.untimed(out) != e2e.untimed(expected):
        import difflib
        diff = "".join(difflib.unified_diff(e2e.untimed(expected).splitlines(True), e2e.untimed(out).splitlines(True),
                                            "README.md", "bahth-search", n=1))
        check(False, f"the README's sample output differs from a real run (update the README):\n{diff[:3000]}")
    with open(os.path.join(ARGS.root, "scripts", "demo.sh"), encoding="utf-8") as f:
        demo = f.read()
    for arg in argv[1:]:
        check(arg == db or arg in demo, f"scripts/demo.sh runs what the README shows: {arg!r} not in it")


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("case")
    ARGS = ap.parse_args()
    for name in ("build", "root", "work"):
        setattr(ARGS, name, os.path.abspath(getattr(ARGS, name)))
    os.makedirs(ARGS.work, exist_ok=True)
    # the end-to-end tests' helpers (run, fresh, corpus_index ...) read their settings from e2e.ARGS
    e2e.ARGS = types.SimpleNamespace(index_bin=binary("bahth-index"), search_bin=binary("bahth-search"),
                                     root=ARGS.root, work=ARGS.work, case=ARGS.case, update=False)
    globals()["case_" + ARGS.case]()
    if e2e.FAILURES:
        print(f"{len(e2e.FAILURES)} check(s) failed in {ARGS.case}", file=sys.stderr)
        sys.exit(1)
    print(f"{ARGS.case}: ok")


if __name__ == "__main__":
    main()
