#!/usr/bin/env python3
"""End-to-end tests of `bahth-search --serve`: the real server on a free loopback port over a real index of
corpus/, spoken to over real HTTP (python3's standard library only), and the page in a real browser.

usage: e2e_serve.py --index-bin B --search-bin B --root DIR --work DIR CASE
CASE is one of the functions named case_*. Exit 0 on success, 1 on failure, 77 when skipped (no chromium).
"""
import gzip
import html.parser
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

import e2e  # its helpers and its main(): the same command line and failure report
from e2e import check, fresh, run

SCRIPT_TITLE = "<script>alert(1)</script>"


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def corpus_index(extra=()):
    """corpus/ and the articles of `extra` (JSON records) indexed into a fresh index."""
    db = fresh("index")
    inputs = [os.path.join(e2e.ARGS.root, "corpus")]
    if extra:
        inputs.append(write_jsonl(fresh("extra.jsonl"), extra))
    rc, _, err = run([e2e.ARGS.index_bin, "-q", "--index", db, *inputs])
    if rc != 0:
        sys.exit(f"indexing failed: {err}")
    return db


class Server:
    """bahth-search --serve on a free loopback port; stderr is collected line by line."""

    def __init__(self, db, *extra, host="127.0.0.1"):
        self.proc = subprocess.Popen([e2e.ARGS.search_bin, "--index", db, "--serve", f"{host}:0", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines = []
        self.port = None
        ready = threading.Event()

        def read():
            for raw in self.proc.stderr:
                line = raw.decode("utf-8", "replace").rstrip("\n")
                self.lines.append(line)
                m = re.search(r"serving .* on http://[^ ]*:(\d+)/", line)
                if m:
                    self.port = int(m.group(1))
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(30) or self.port is None:
            self.proc.kill()
            sys.exit("the server did not start: " + "\n".join(self.lines))

    def request(self, path, headers=None, method="GET", conn=None):
        """(status, headers, body bytes) of one request; a fresh connection unless `conn` is given."""
        c = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        c.request(method, path, headers=headers or {})
        r = c.getresponse()
        body = r.read()
        if conn is None:
            c.close()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, body

    def json(self, path, status=200, headers=None):
        got, hdrs, body = self.request(path, headers)
        check(got == status, f"GET {path[:100]}: status {got}, expected {status}: {body[:300]!r}")
        check(hdrs.get("content-type", "").startswith("application/json"), f"GET {path[:100]}: content-type {hdrs.get('content-type')}")
        return json.loads(body)

    def stop(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.stop()


def q(text, **params):
    return "/api/search?" + urllib.parse.urlencode({"q": text, **params})


def cli_json(db, query, *options):
    rc, out, err = run([e2e.ARGS.search_bin, "--index", db, "--json", *options, query])
    check(rc in (0, 1), f"bahth-search {query!r}: exit {rc}: {err}")
    records = [json.loads(line) for line in out.splitlines()]
    strip = lambda r: {k: v for k, v in r.items() if k not in ("type", "query_id")}
    return ([strip(r) for r in records if r["type"] == "hit"],
            [{"facet": r["facet"], "values": r["values"]} for r in records if r["type"] == "facet"],
            next(strip(r) for r in records if r["type"] == "summary"))


# The same searches through both front ends: (query, API parameters, the command line's options).
SAME_SEARCHES = [
    ("بوتين", {}, []),
    ('"شراكة بلا حدود" OR بوتين', {"limit": "3"}, ["--limit", "3"]),
    ("بوتين -أوكرانيا", {"offset": "1", "limit": "2"}, ["--offset", "1", "--limit", "2"]),
    ("title:الصين", {}, []),
    ("الصين", {"sort": "newest", "facets": "year,month,source"}, ["--sort", "newest", "--facets", "year,month,source"]),
    ("الصين روسيا", {"from": "2022", "to": "2024-06"}, ["--from", "2022", "--to", "2024-06"]),
    ("بوتين", {"collapse": "0", "sort": "oldest"}, ["--no-collapse", "--sort", "oldest"]),
    ("مجاس الامن", {}, []),  # a correction: the same warning in both summaries
]


def case_api():
    db = corpus_index()
    with Server(db, "--quiet") as s:
        for query, params, options in SAME_SEARCHES:
            got = s.json(q(query, **params))
            hits, facets, summary = cli_json(db, query, *options)
            check(got["hits"] == hits, f"{query!r} {params}: API hits differ from --json:\n{got['hits']}\n{hits}")
            check(got["facets"] == facets, f"{query!r}: API facets {got['facets']} != --json {facets}")
            for k in ("query", "estimated_matches", "returned", "offset", "warnings"):
                check(got["summary"][k] == summary[k], f"{query!r}: summary {k} {got['summary'][k]!r} != {summary[k]!r}")
        check(len(s.json(q("بوتين"))["hits"]) >= 3, "بوتين: fewer than 3 hits over corpus/")
        # /api/related/ID is --like ID (issue #13): the same hits, facets and summary, with the same parameters.
        seed = "003_75c0f02aeffcf6cd.txt"
        for params, options in (({}, []), ({"from": "2024", "facets": "year,source", "sort": "newest"},
                                           ["--from", "2024", "--facets", "year,source", "--sort", "newest"])):
            got = s.json("/api/related/" + seed + ("?" + urllib.parse.urlencode(params) if params else ""))
            hits, facets, summary = cli_json(db, "", "--like", seed, *options)
            check(hits and got["hits"] == hits and got["facets"] == facets and seed not in [h["id"] for h in hits],
                  f"/api/related {params}: {got['hits']} against --like's {hits}")
            check(got["summary"]["query"] == summary["query"] == "like:" + seed, f"/api/related summary: {got['summary']}")

        # Every hit's article: its title, and the dates its text mentions as the dry run reports them.
        _, out, _ = run([e2e.ARGS.index_bin, "--dry-run", "--json", os.path.join(e2e.ARGS.root, "corpus")])
        dry = {d["id"]: d for d in map(json.loads, out.splitlines())}
        for h in s.json(q("بوتين"))["hits"]:
            a = s.json("/api/article/" + urllib.parse.quote(h["id"], safe="") + "?q=" + urllib.parse.quote("بوتين"))
            check(a["title"] == h["title"] and a["id"] == h["id"], f"article {h['id']}: title {a['title']!r}")
            check(a["mentioned_dates"] == dry[h["id"]]["mentioned_dates"], f"article {h['id']}: mentioned dates differ from --dry-run")
            marks = {"".join(list(a["text"])[x:y]) for x, y in a["highlights"]}
            check(marks and all("بوتين" in m for m in marks), f"article {h['id']}: marks {marks}")
        health = s.json("/api/health")
        check(health["documents"] == 5 and health["index"] == [db] and re.match(r"\d{4}-\d\d-\d\dT", health["last_modified"] or ""),
              f"health: {health}")

        # gzip when asked for, the same JSON after decompression; several requests on one kept-alive connection.
        status, hdrs, body = s.request(q("بوتين"), {"Accept-Encoding": "gzip"})
        check(hdrs.get("content-encoding") == "gzip", f"no gzip: {hdrs}")
        check(json.loads(gzip.decompress(body)) == s.json(q("بوتين"))
              or json.loads(gzip.decompress(body))["hits"] == s.json(q("بوتين"))["hits"], "gzip body differs")
        conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
        statuses = [s.request(q("بوتين"), conn=conn)[0] for _ in range(5)]
        sock = conn.sock
        statuses.append(s.request("/api/health", conn=conn)[0])
        check(statuses == [200] * 6 and conn.sock is sock and sock is not None, f"keep-alive: {statuses}, socket kept: {conn.sock is sock}")
        conn.close()


# Each bad request: path, status, the start of the error message (the command line's words where it has them).
BAD_REQUESTS = [
    ("/api/search", 400, "no query given"),
    ("/api/search?q=", 400, "empty query"),
    ("/api/search?q=%20%20", 400, "empty query"),
    (q('"شراكة بلا'), 400, "unbalanced quote: the phrase runs to the end of the query"),
    (q("(بوتين"), 400, "unbalanced '(' closed at the end of the query"),
    (q("بوتين", **{"from": "2022-13"}), 400, "date '2022-13' is not a valid YYYY, YYYY-MM, YYYY-MM-DD or a day before today"),
    (q("بوتين", to="someday"), 400, "date 'someday' is not a valid"),
    (q("بوتين", **{"from": "2024", "to": "2022"}), 400, "from is after to"),
    (q("بوتين", limit="1001"), 400, "limit must be a number from 0 to 1000, not '1001'"),
    (q("بوتين", limit="-1"), 400, "limit must be a number"),
    (q("بوتين", sort="best"), 400, "sort must be relevance, newest or oldest, not 'best'"),
    (q("بوتين", facets="colour"), 400, "unknown facet 'colour'"),
    (q("بوتين", collapse="maybe"), 400, "collapse must be"),
    (q("abcd " * 840), 400, "query is over 4096 bytes"),
    (q("-بوتين"), 400, "query only excludes words"),
    (q("date:2022-99"), 400, "date:2022-99 is not a date or range"),
    ("/api/search?q=%FF%FE", 400, "query is not valid UTF-8"),
    ("/api/search?q=%zz", 400, "malformed URL encoding"),
    ("/api/search?q=abc%", 400, "malformed URL encoding"),
    ("/api/article/no-such-id", 404, "no article with id 'no-such-id'"),
    ("/api/related/no-such-id", 404, "no article with id 'no-such-id'"),
    ("/api/related/003_75c0f02aeffcf6cd.txt?limit=x", 400, "limit must be a number"),
    ("/api/article/" + "x" * 300, 404, "no article with id"),
    ("/nothing/here", 404, "no such page: /nothing/here"),
    ("/api/searchx?q=a", 404, "no such page"),
    ("/index.html", 404, "no such page"),
    ("/" + "a" * 9000, 414, "URL too long"),
]


def case_bad_requests():
    db = corpus_index()
    with Server(db) as s:
        for path, status, message in BAD_REQUESTS:
            got = s.json(path, status)
            check(isinstance(got, dict) and got.get("error", "").startswith(message),
                  f"{path[:80]}: error {got!r}, expected it to start with {message!r}")
        status, _, body = s.request("/api/search", method="POST")
        check(400 <= status < 500 and "error" in json.loads(body), f"POST: {status} {body[:200]!r}")
        check(s.request(q("بوتين"))[0] == 200, "the server stopped answering after the bad requests")
        # The command line says the same words for the same mistakes.
        for query, message in [('"شراكة بلا', "unbalanced quote"), ("-بوتين", "query only excludes words")]:
            rc, _, err = run([e2e.ARGS.search_bin, "--index", db, query])
            check(message in err, f"bahth-search {query!r}: stderr {err!r} lacks {message!r}")
        rc, _, err = run([e2e.ARGS.search_bin, "--index", db, "--from", "2022-13", "بوتين"])
        check(rc == 2 and "date '2022-13' is not a valid YYYY, YYYY-MM, YYYY-MM-DD or a day before today" in err, f"--from 2022-13: {err}")
    # A query stopped by the time limit.
    with Server(db, "--time-limit", "0.000001") as s:
        got = s.json(q("بوتين"), 400)
        check(got.get("error", "").startswith("query ran longer than"), f"time limit: {got}")
    # Every request logged on stderr, one line each, unless --quiet.
    access = [l for l in s.lines if " GET /api/search?" in l]
    check(len(access) == 1 and re.search(r"^bahth-search: 127\.0\.0\.1 GET /api/search\?q=\S+ 400 \d+ [\d.]+ ms$", access[0]),
          f"access log: {s.lines}")


HOSTILE = [{"id": "hostile-1", "title": SCRIPT_TITLE, "date": "2023-05-01", "source": "<b>src</b>",
            "url": "javascript:alert(3)", "text": "خبر عن بوتين <img src=x onerror=alert(2)> و&amp; في 5 مايو 2023."}]


def case_escaping():
    db = corpus_index(HOSTILE)
    with Server(db, "--quiet") as s:
        hit = s.json(q("بوتين alert"))["hits"]
        mine = [h for h in hit if h["id"] == "hostile-1"]
        check(mine and mine[0]["title"] == SCRIPT_TITLE and mine[0]["source"] == "<b>src</b>", f"hostile hit: {mine}")
        status, hdrs, body = s.request("/api/article/hostile-1")
        check(json.loads(body)["title"] == SCRIPT_TITLE, "article title not returned as it was stored")
        check(hdrs.get("content-type") == "application/json" and hdrs.get("x-content-type-options") == "nosniff",
              f"a JSON answer a browser could sniff as HTML: {hdrs}")
        status, hdrs, page = s.request("/")
        page = page.decode("utf-8")
        check(status == 200 and hdrs.get("content-type", "").startswith("text/html"), f"page: {status} {hdrs}")
        check("script-src 'unsafe-inline'" in hdrs.get("content-security-policy", "")
              and "default-src 'none'" in hdrs.get("content-security-policy", ""), f"page CSP: {hdrs}")
        # The page builds its DOM from text: none of the ways that parse a string as HTML appear in it.
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            check(sink not in page, f"page uses {sink}")
        check('dir="rtl"' in page and 'lang="ar"' in page and "http://" not in page.replace("https?:\\/\\/", "")
              and "https://" not in page, "page: not rtl Arabic, or it names an external address")


def case_reload():
    """What bahth-index commits while the server runs is searchable at once, without a restart."""
    db = corpus_index()
    with Server(db, "--quiet") as s:
        check(s.json(q("زمردستان"))["summary"]["estimated_matches"] == 0, "the new word is already there")
        new = write_jsonl(fresh("new.jsonl"), [{"id": "new-1", "title": "خبر زمردستان", "text": "وصل وفد زمردستان اليوم.",
                                                "date": "2024-01-02"}])
        rc, _, err = run([e2e.ARGS.index_bin, "-q", "--index", db, new])
        check(rc == 0, f"indexing while serving: {err}")
        got = s.json(q("زمردستان"))
        check([h["id"] for h in got["hits"]] == ["new-1"], f"after the commit: {got['hits']}")
        check(s.json("/api/health")["documents"] == 6, "health does not count the new article")


def case_security():
    db = corpus_index()
    token_file = fresh("token")
    with open(token_file, "w") as f:
        f.write("s3cret-token-0123456789\n")
    with Server(db, "--quiet", "--token", token_file) as s:
        check(s.json("/api/health", 401)["error"].startswith("this server needs the header Authorization"), "no token")
        s.json("/api/health", 401, {"Authorization": "Bearer s3cret-token-012345678"})
        s.json("/api/health", 401, {"Authorization": "Bearer s3cret-token-0123456789x"})
        s.json(q("بوتين"), 401, {"Authorization": "s3cret-token-0123456789"})
        s.json(q("بوتين"), 200, {"Authorization": "Bearer s3cret-token-0123456789"})
        check(s.request("/")[0] == 200, "the page (which holds nothing from the index) needs no token")
        check("access-control-allow-origin" not in s.request("/api/health")[1], "CORS header without --cors")
    with Server(db, "--quiet", "--cors", "https://intranet.example") as s:
        _, hdrs, _ = s.request("/api/health")
        check(hdrs.get("access-control-allow-origin") == "https://intranet.example", f"--cors: {hdrs}")
        status, hdrs, _ = s.request("/api/search?q=x", {"Origin": "https://intranet.example",
                                                          "Access-Control-Request-Method": "GET"}, method="OPTIONS")
        check(status == 204 and "GET" in hdrs.get("access-control-allow-methods", ""), f"preflight: {status} {hdrs}")
    # Any address but loopback warns that there is no authentication; with a token it does not.
    with Server(db, "--quiet", host="0.0.0.0") as s:
        s.stop()
        check(any("warning: listening on 0.0.0.0" in l and "--token" in l for l in s.lines), f"no warning: {s.lines}")
    with Server(db, "--quiet", "--token", token_file, host="0.0.0.0") as s:
        s.stop()
        check(not any("warning" in l for l in s.lines), f"warning despite --token: {s.lines}")
    for bad, message in [(["--token", "/nonexistent"], "--token: cannot read /nonexistent"),
                         (["--serve", "127.0.0.1:99999"], "port '99999' is not a number"),
                         (["--cors", "https://x.example", "بوتين"], "--cors goes with --serve"),
                         (["--serve", "127.0.0.1:0", "--like", "x"], "--like does not go with --serve"),
                         (["--serve", "127.0.0.1:0", "--from", "2020"], "--from does not go with --serve"),
                         (["--serve", "127.0.0.1:0", "--color", "always"], "--color does not go with --serve"),
                         (["--serve", "127.0.0.1:0", "--width", "80"], "--width does not go with --serve")]:
        rc, _, err = run([e2e.ARGS.search_bin, "--index", db, *(["--serve", "127.0.0.1:0"] if bad[0] == "--token" else []), *bad])
        check(rc == 2 and message in err, f"{bad}: exit {rc}, stderr {err!r}")


def case_shutdown():
    db = corpus_index()
    for sig in (signal.SIGINT, signal.SIGTERM):
        s = Server(db)
        conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
        check(s.request(q("بوتين"), conn=conn)[0] == 200, "before the signal")
        t0 = time.time()
        code = s.stop(sig)
        check(code == 0, f"{sig.name}: exit {code}; stderr {s.lines}")
        check(time.time() - t0 < 10, f"{sig.name}: took {time.time() - t0:.1f} s to stop")
        time.sleep(0.2)
        check(s.lines and s.lines[-1] == "bahth-search: stopped", f"{sig.name}: last line {s.lines[-1:]}")
        conn.close()


# ---------------------------------------------------------------------------------------------------------
# A real browser: Debian's chromium, headless, loads the page with the search in the URL and dumps the DOM
# after the page's script has run.

class Dom(html.parser.HTMLParser):
    """The elements of a DOM dump: (tag, attributes, text inside) for every element, in document order."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements, self.open = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        e = [tag, dict(attrs), ""]
        self.elements.append(e)
        if tag not in ("meta", "input", "br", "img", "link", "hr"):
            self.open.append(e)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for e in self.open:
            e[2] += data

    def find(self, tag=None, **attrs):
        return [e for e in self.elements if (tag is None or e[0] == tag)
                and all(e[1].get(k.rstrip("_")) is not None and (v is True or v in e[1].get(k.rstrip("_")).split())
                        for k, v in attrs.items())]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browser(url, *extra):
    profile = fresh("chromium-profile")
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           f"--user-data-dir={profile}", "--virtual-time-budget=10000", *(extra or ["--dump-dom"]), url]
    p = subprocess.run(cmd, capture_output=True, timeout=120)
    return p.stdout.decode("utf-8", "replace")


def case_browser():
    if not chromium():
        print("skipped: no chromium (apt-get install chromium fonts-noto-core)", file=sys.stderr)
        sys.exit(77)
    db = corpus_index(HOSTILE)
    with Server(db, "--quiet") as s:
        base = f"http://127.0.0.1:{s.port}/"
        api = s.json(q("بوتين", limit="10", facets="year,month,source"))
        dom = Dom(browser(base + "#q=" + urllib.parse.quote("بوتين")))
        check(dom.find("html", dir="rtl") and dom.find("html", lang="ar"), "the page is not <html dir=rtl lang=ar>")
        titles = [e[2] for e in dom.find("h2", class_="title")]
        check(titles == [h["title"] for h in api["hits"]], f"titles in the page {titles} != API {[h['title'] for h in api['hits']]}")
        marks = [e[2] for e in dom.find("mark")]
        check(len(marks) >= len(api["hits"]) and all("بوتين" in m for m in marks), f"marks: {marks}")
        expected = sum(len(h["highlights"]) for h in api["hits"])
        check(len(marks) == expected, f"{len(marks)} marks in the page, {expected} highlights in the API")
        summary = dom.find("p", id="summary")
        check(summary and summary[0][1].get("data-matches") == str(api["summary"]["estimated_matches"]), f"summary: {summary}")
        years = [e[1]["data-value"] for e in dom.find("li") if e[1].get("data-value", "").isdigit()]
        check(years == [v["value"] for v in api["facets"][0]["values"]], f"year facet {years}")
        year_links = [e for e in dom.find("section", **{"data-facet": "year"})]
        check(year_links, "no year facet")
        # A clicked facet is a link to the same search with the range narrowed: follow it as a click would.
        link = next(e[1]["href"] for e in dom.find("a") if e[1].get("href", "").find("from=2022&to=2022") >= 0)
        narrowed = Dom(browser(base + link))
        api2022 = s.json(q("بوتين", **{"from": "2022", "to": "2022"}))
        check([e[2] for e in narrowed.find("h2", class_="title")] == [h["title"] for h in api2022["hits"]],
              "the year facet's link does not filter to 2022")

        # The hostile article: its title shows as text, and it added no element to the page.
        dom = Dom(browser(base + "#article=hostile-1&q=" + urllib.parse.quote("بوتين")))
        shown = [e[2] for e in dom.find("h2", class_="title")]
        check(shown == [SCRIPT_TITLE], f"the hostile title shows as {shown}")
        check(len(dom.find("script")) == 1 and not dom.find("img") and not dom.find("b"),
              "the hostile article's markup became elements")
        check(not [e for e in dom.find("a") if e[1].get("href", "").startswith("javascript:")], "a javascript: link")
        check([e[2] for e in dom.find("mark")] == ["بوتين"], f"article marks: {[e[2] for e in dom.find('mark')]}")
        check([e[2] for e in dom.find("span", class_="mentioned")][:1] == ["5 مايو 2023"],
              f"mentioned dates: {[e[2] for e in dom.find('span', class_='mentioned')]}")


if __name__ == "__main__":
    e2e.main(globals())
