#!/usr/bin/env python3
"""The library's stages include only themselves and the stages below them (ARCHITECTURE.md: data flow).

    base → text → dates → ingest → index → search → serve → cli

Every `#include "stage/file.h"` in common/<stage>/ is checked against that order; a file over the size
limit is reported too (one job a file). Exits 1 with one line per violation."""
import pathlib
import re
import sys

STAGES = ["base", "text", "dates", "ingest", "index", "search", "serve", "cli"]
MAX_LINES = 700

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[1]) / "common"
problems = []
for path in sorted(root.glob("*/*")):
    if path.suffix not in (".h", ".cpp"):
        continue
    stage = path.parent.name
    if stage not in STAGES:
        problems.append(f"{path}: folder '{stage}' is not a stage ({' '.join(STAGES)})")
        continue
    text = path.read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
        if not m:
            continue
        target = m.group(1).split("/")[0]
        if "/" not in m.group(1) or target not in STAGES:
            problems.append(f"{path}:{n}: include \"{m.group(1)}\" names no stage folder")
        elif STAGES.index(target) > STAGES.index(stage):
            problems.append(f"{path}:{n}: {stage}/ includes {m.group(1)}, a later stage")
    lines = text.count("\n")
    if lines > MAX_LINES:
        problems.append(f"{path}: {lines} lines, over {MAX_LINES}: split it by job")
for p in problems:
    print(p)
print(f"{len(problems)} problem(s) in {root}", file=sys.stderr)
sys.exit(1 if problems else 0)
