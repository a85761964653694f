"""Benchmark: every samenwerk command against its peers and its floors, on the same generated agreements, in one
run; writes docs/performance.md (tables and a log-log plot of time against the number of files).

    python bench/run.py [--sizes 300,3000,30000] [--repeat 3] [--peers-up-to 3000] [--budget 300] [--minutes M]

Agreements are generated from the real ones in agreements/ (varied ids, titles and party names). Every
command is run as a user runs it, as a fresh process over the files; the median of --repeat wall-clock runs
is kept (one run at more than 3,000 files), with the processor time (user + system, worker processes
included) of the same runs beside it: on a shared machine the wall clock is noisy, processor time less so.
Ratios are always between figures of this one run.

Measured per size: lint cold (no cache, all cores) and warm (every file served from the cache); expiring in
each format after lint (the cache lint filled: the CI case) and without the cache; list; render to Markdown
and HTML against the Jinja floor (bench/jinja_floor.py); the register site; check-jsonschema with
schemas/agreement.schema.json and yamllint on the same files. A command is skipped at a size when its time at
the size before, grown linearly, would exceed --budget seconds (the report says which and why). Once: render
to PDF (seconds per document), start-up, and diff: two revisions of repositories of 300 and 3,000 agreements
that differ in one file, two versions of a large agreement, and two versions of an agreement with 8,000,
16,000 and 32,000 notes (no keys) or parties (with ids), 1 % of them changed, removed, added and moved.
Results: docs/performance.json and docs/performance.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "docs" / "performance.json"
"""Every figure of the last run, beside the report made from it: committed with it, so that ``--only`` on a
fresh clone keeps the rest of that run."""
DOC = ROOT / "docs" / "performance.md"
BIN = Path(sys.executable).parent
SAMENWERK = str(BIN / "samenwerk")
SCHEMA = ROOT / "schemas" / "agreement.schema.json"
AS_OF = "2025-06-30"
FORMATS = ("table", "json", "markdown", "ics")


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""As installed by pip, with bytecode: a run does not compile samenwerk's modules again each time."""


def templates() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "agreements").glob("*.yaml"))]


def generate(n: int, dest: Path) -> list[Path]:
    stamp = hashlib.sha256("".join(templates()).encode()).hexdigest()
    marker = dest / ".source"
    if dest.exists() and marker.exists() and marker.read_text() == f"{stamp} {n}":
        return sorted(dest.glob("*.yaml"))
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    rng = random.Random(n)
    sources = templates()
    towns = ["Aalst", "Brugge", "Genk", "Hasselt", "Leuven", "Mechelen", "Roeselare", "Turnhout", "Lier", "Geel"]
    for i in range(n):
        text = sources[i % len(sources)]
        town = f"{rng.choice(towns)} {i}"
        text = re.sub(r"^id: .*$", f"id: bench-{i:06d}", text, count=1, flags=re.M)
        text = re.sub(r"^title: (.*)$", lambda m, town=town: f"title: {m.group(1)} ({town})", text, count=1, flags=re.M)
        text = re.sub(
            r"^(    name: Lokaal bestuur )(\S+)", lambda m, i=i: f"{m.group(1)}{m.group(2)}-{i}", text, flags=re.M
        )
        (dest / f"agreement-{i:06d}.yaml").write_text(text, encoding="utf-8")
    marker.write_text(f"{stamp} {n}")
    return sorted(dest.glob("*.yaml"))


class Failed(Exception):
    pass


def run(
    cmd: list[str], ok: tuple[int, ...] = (0, 1), cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, float, float]:
    """Wall-clock seconds, processor seconds (user + system) and peak resident memory (MB) of one run.

    Processor time and memory come from the kernel's account of the process when it is reaped (``wait4``):
    they include its worker processes, and the memory is the largest of the process and each worker."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd, env={**ENV, **(env or {})})
    assert proc.stderr is not None
    stderr = proc.stderr.read()  # read while it runs: a full pipe would block it
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
    proc.stderr.close()
    if proc.returncode not in ok:
        raise Failed(f"{' '.join(cmd[:4])} exited {proc.returncode}: {stderr.decode()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


LONG = 60.0
"""A command that takes longer than this (seconds) is run once: its noise is small beside its time. A
half-minute run still varies by more than 10 % on a two-core machine (the site's full build of 3,000
agreements took 24.5, 29.1 and 31.0 s in three runs), so such runs are repeated and the median kept."""


def median(cmd: list[str], repeat: int, before: Callable[[], None] = lambda: None, **kw: object) -> dict[str, float]:
    """The median of ``repeat`` runs (``before`` is called before each); one run for a long command."""
    runs = []
    for _ in range(repeat):
        before()
        runs.append(run(cmd, **kw))  # type: ignore[arg-type]
        if runs[0][0] > LONG:
            break
    return {
        "s": round(statistics.median(r[0] for r in runs), 3),
        "cpu_s": round(statistics.median(r[1] for r in runs), 3),
        "peak_mb": round(max(r[2] for r in runs), 1),
        "runs": len(runs),
    }


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@b",
        "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@b",
    }
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def repository(n: int, name: str = "repo") -> Path:
    """The generated agreements committed to a repository, and a second commit that changes one file."""
    repo = OUT / f"{name}-{n}"
    if (repo / ".git").exists():
        return repo
    shutil.rmtree(repo, ignore_errors=True)
    (repo / "agreements").mkdir(parents=True)
    for path in generate(n, OUT / f"corpus-{n}"):
        shutil.copy(path, repo / "agreements" / path.name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "all")
    one = repo / "agreements" / "agreement-000007.yaml"
    text = one.read_text(encoding="utf-8")
    one.write_text(
        text.replace("end: 2025-12-31", "end: 2026-12-31").replace("end: 31-12-2025", "end: 31-12-2026"), "utf-8"
    )
    git(repo, "commit", "-qam", "one extended")
    return repo


# --- per size -------------------------------------------------------------------------------------------


def commands(n: int, corpus: Path, files: list[Path], peers: bool) -> dict[str, tuple[list[str], dict[str, object]]]:
    """Every command measured at a size: name -> (command line, keywords for ``run``)."""
    cache_dir = OUT / f"cache-{n}"
    cache = {"env": {"SAMENWERK_CACHE_DIR": str(cache_dir)}}
    lint = [SAMENWERK, "lint", "-f", "concise", str(corpus)]
    site = OUT / f"site-{n}"
    expiring = [SAMENWERK, "expiring", str(corpus), "--as-of", AS_OF, "--fail-on", "never", "-f"]
    out = OUT / f"rendered-{n}"
    found: dict[str, tuple[list[str], dict[str, object]]] = {
        # Cold: the first run, with an empty cache (it fills it); warm: the run after, nothing changed.
        "lint cold": (lint, {**cache, "before": lambda: shutil.rmtree(cache_dir, ignore_errors=True)}),
        "lint warm": (lint, cache),
        "lint one core (no cache)": ([*lint, "--no-cache", "--jobs", "1"], {}),
        "parsing floor": ([sys.executable, str(ROOT / "bench" / "floor.py"), str(corpus)], {"ok": (0,)}),
        **{f"expiring {f}": ([*expiring, f], cache) for f in FORMATS},
        **{
            f"expiring {f} (no cache)": ([*expiring, f, "--no-cache"], {})
            for f in FORMATS
            if n <= 3000 or f == "json"  # the formats differ only in the report, timed above with the cache
        },
        "list": ([SAMENWERK, "list", str(corpus), "-f", "json", "--as-of", AS_OF], {}),
        "render md": ([SAMENWERK, "render", str(corpus), "-f", "md", "--output-dir", str(out), "--force", "-q"], {}),
        "render html": (
            [SAMENWERK, "render", str(corpus), "-f", "html", "--output-dir", str(out), "--force", "-q"],
            {},
        ),
        "jinja floor html": (
            [sys.executable, str(ROOT / "bench" / "jinja_floor.py"), str(corpus), "html"],
            {"ok": (0,)},
        ),
        # A full build each time (an empty folder); bench/site.py measures rebuilds.
        "site": (
            [SAMENWERK, "site", "agreements", "--output-dir", str(site), "--no-pdf", "--as-of", AS_OF, "-q"],
            {"before": lambda: shutil.rmtree(site, ignore_errors=True)},
        ),
    }
    if peers:
        found["check-jsonschema"] = (
            [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), *map(str, files)],
            {},
        )
        found["yamllint"] = ([str(BIN / "yamllint"), "-f", "parsable", str(corpus)], {})
    return found


def sizes(
    ns: list[int],
    repeat: int,
    peers_up_to: int,
    budget: float,
    stop_at: float = math.inf,
    only: tuple[str, ...] = (),
) -> tuple[dict[str, dict[int, dict]], dict]:
    results: dict[str, dict[int, dict]] = {}
    skipped: dict[str, dict[int, str]] = {}
    previous: dict[str, tuple[int, float]] = {}
    for n in ns:
        corpus = OUT / f"corpus-{n}"
        files = generate(n, corpus)
        reps = repeat if n <= 3000 else 1
        table = commands(n, corpus, files, n <= peers_up_to)
        for name, (cmd, kw) in table.items():
            if only and not name.startswith(only):
                continue
            if time.time() > stop_at:
                skipped.setdefault(name, {})[n] = "the run's time (--minutes) was up"
                print(f"{n:>6} {name:32} skipped (time)", flush=True)
                continue
            if (
                name == "lint warm" or (name.startswith("expiring") and "no cache" not in name)
            ) and n not in results.get("lint cold", {}):
                skipped.setdefault(name, {})[n] = "lint cold, which fills the cache it reads, did not run at this size"
                continue
            if name in previous:
                m, seconds = previous[name]
                if seconds * n / m > budget:
                    skipped.setdefault(name, {})[n] = (
                        f"{seconds:.1f} s at {m:,} files: about {seconds * n / m:.0f} s expected, over the budget"
                        f" of {budget:.0f} s"
                    )
                    print(f"{n:>6} {name:32} skipped", flush=True)
                    continue
            if name == "site":
                kw = {**kw, "cwd": repository(n, "site-repo")}
            try:
                row = median(cmd, reps, **kw)
            except Failed as exc:
                skipped.setdefault(name, {})[n] = f"failed: {exc}"
                print(f"{n:>6} {name:32} FAILED {exc}", flush=True)
                continue
            results.setdefault(name, {})[n] = row
            previous[name] = (n, row["s"])
            print(f"{n:>6} {name:32} {row['s']:9.2f} s  (cpu {row['cpu_s']:.2f} s)", flush=True)
    return results, skipped


# --- once ----------------------------------------------------------------------------------------------


def startup(repeat: int = 20) -> dict[str, float]:
    bare = [sys.executable, "-c", "pass"]
    version = [SAMENWERK, "--version"]
    run(version)
    b = statistics.median(run(bare, ok=(0,))[0] for _ in range(repeat))
    v = statistics.median(run(version, ok=(0,))[0] for _ in range(repeat))
    h = statistics.median(run([SAMENWERK, "lint", "--help"], ok=(0,))[0] for _ in range(5))
    return {"python -c pass": round(b, 3), "samenwerk --version": round(v, 3), "samenwerk lint --help": round(h, 3)}


def pdf(documents: int = 5) -> dict[str, float]:
    """render -f pdf of a few agreements: seconds per document (a PDF takes seconds: not run per size)."""
    folder = OUT / "pdf-sample"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in generate(300, OUT / "corpus-300")[:documents]:
        shutil.copy(path, folder / path.name)
    cmd = [SAMENWERK, "render", str(folder), "-f", "pdf", "--output-dir", str(OUT / "pdf-out"), "--force", "-q"]
    seconds, _cpu, peak = run(cmd, ok=(0,))
    return {
        "documents": documents,
        "s": round(seconds, 2),
        "s_per_document": round(seconds / documents, 2),
        "peak_mb": round(peak, 1),
    }


LONG_LISTS = (8000, 16000, 32000)


def long_list(kind: str, n: int, dest: Path) -> tuple[Path, Path]:
    """Two versions of the Gent agreement with ``n`` notes (no keys) or ``n`` parties (with ids) added, the
    second with 1 % of them changed, removed, added and moved: samenwerk diff must stay linear in ``n``."""
    dest.mkdir(parents=True, exist_ok=True)
    old_path, new_path = dest / f"{kind}-{n}-old.yaml", dest / f"{kind}-{n}-new.yaml"
    if old_path.exists() and new_path.exists():
        return old_path, new_path

    def entry(i: int) -> str:
        if kind == "notes":
            return f'  - "Notitie {i}: de tekst van notitie nummer {i}."\n'
        return f"  - {{id: partij-{i}, name: Partij {i}, kind: andere}}\n"

    rng = random.Random(n)
    old = [entry(i) for i in range(n)]
    new = list(old)
    k = n // 100
    for _ in range(k):
        i = rng.randrange(len(new))
        new[i] = new[i].replace("Partij", "Partner").replace("notitie", "opmerking")
    for _ in range(k):
        del new[rng.randrange(len(new))]
    for j in range(k):
        new.insert(rng.randrange(len(new) + 1), entry(n + j))
    for _ in range(k):
        new.insert(rng.randrange(len(new) + 1), new.pop(rng.randrange(len(new))))
    base = (ROOT / "agreements" / "gent-vdab-2020-2025.yaml").read_text(encoding="utf-8")
    for path, lines in ((old_path, old), (new_path, new)):
        body = "".join(lines)
        text = base + body if kind == "notes" else base.replace("parties:\n", "parties:\n" + body, 1)
        path.write_text(text, encoding="utf-8")
    return old_path, new_path


def diffs(repeat: int) -> dict[str, dict[str, float]]:
    row: dict[str, dict[str, float]] = {}
    for n in (300, 3000):
        repo = repository(n)
        row[f"revisions of {n:,} files, one changed"] = median(
            [SAMENWERK, "diff", "HEAD~1", "HEAD", "--format", "json"], repeat, cwd=repo
        )
    big_old, big_new = OUT / "big-old.yaml", OUT / "big-new.yaml"
    text = (ROOT / "agreements" / "gent-vdab-2020-2025.yaml").read_text(encoding="utf-8")
    big_old.write_text(text, encoding="utf-8")
    changed = text.replace("end: 2025-12-31", "end: 2026-12-31").replace("organisatieoverstijgende", "gezamenlijke")
    big_new.write_text(changed.replace("      - {name: de heer Johan Deckmyn}\n", ""), encoding="utf-8")
    row["a large agreement"] = median([SAMENWERK, "diff", str(big_old), str(big_new), "--format", "json"], repeat)
    for n in LONG_LISTS:
        for kind in ("notes", "parties"):
            old, new = long_list(kind, n, OUT / "long-lists")
            row[f"{n:,} {kind}"] = median([SAMENWERK, "diff", str(old), str(new), "--format", "json"], repeat)
            if n == LONG_LISTS[-1]:  # the two files read as PyYAML reads them, and validated: a reference
                reference = [sys.executable, str(ROOT / "bench" / "floor.py"), str(old), str(new)]
                row[f"{n:,} {kind}: read by PyYAML and validated"] = median(reference, repeat, ok=(0,))
    for name, r in row.items():
        print(f"diff {name:36} {r['s']:9.2f} s  (cpu {r['cpu_s']:.2f} s)", flush=True)
    return row


# --- the report ----------------------------------------------------------------------------------------


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def plot(results: dict[str, dict[int, dict]], names: list[str]) -> str:
    """An SVG of seconds against files, both axes logarithmic: a straight line of slope 1 is linear growth
    (the dashed guide); start-up flattens the small end."""
    width, height, left, right, top, bottom = 760, 460, 60, 210, 20, 50
    series = {name: sorted(results[name].items()) for name in names if len(results.get(name, {})) >= 1}
    xs = [n for points in series.values() for n, _ in points]
    ys = [r["s"] for points in series.values() for _, r in points]
    x0, x1 = math.log10(min(xs)), math.log10(max(xs))
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    if x1 - x0 < 1e-9:
        x0, x1 = x0 - 0.5, x1 + 0.5

    def px(n: float) -> float:
        return left + (math.log10(n) - x0) / (x1 - x0) * (width - left - right)

    def py(s: float) -> float:
        return top + (y1 - math.log10(s)) / (y1 - y0) * (height - top - bottom)

    colours = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#000000", "#aec7e8",
    ]  # fmt: skip
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        "<title>samenwerk: seconds against number of files, log-log</title>",
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    for e in range(y0, y1 + 1):
        y = py(10**e)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10**e:g} s</text>')
    for n in sorted(set(xs)):
        x = px(n)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">{n:,}</text>')
    out.append(
        f'<text x="{(left + width - right) / 2:.0f}" y="{height - 12}" text-anchor="middle">'
        "agreements (files), logarithmic</text>"
    )
    # The guide: linear growth through the first point of lint cold.
    anchor = series.get("lint cold") or next(iter(series.values()))
    n_a, s_a = anchor[0][0], anchor[0][1]["s"]
    n_b = max(xs)
    out.append(
        f'<line x1="{px(n_a):.1f}" y1="{py(s_a):.1f}" x2="{px(n_b):.1f}" y2="{py(s_a * n_b / n_a):.1f}" '
        'stroke="#999" stroke-dasharray="4 4"/>'
    )
    for i, (name, points) in enumerate(series.items()):
        colour = colours[i % len(colours)]
        coords = " ".join(f"{px(n):.1f},{py(r['s']):.1f}" for n, r in points)
        out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for n, r in points:
            out.append(f'<circle cx="{px(n):.1f}" cy="{py(r["s"]):.1f}" r="3" fill="{colour}"/>')
        y = top + 14 * i + 8
        out.append(f'<line x1="{width - right + 12}" y1="{y}" x2="{width - right + 32}" y2="{y}" stroke="{colour}" '
                   'stroke-width="2"/>')  # fmt: skip
        out.append(f'<text x="{width - right + 36}" y="{y + 4}">{name}</text>')
    y = top + 14 * len(series) + 8
    out.append(f'<line x1="{width - right + 12}" y1="{y}" x2="{width - right + 32}" y2="{y}" stroke="#999" '
               'stroke-dasharray="4 4"/>')  # fmt: skip
    out.append(f'<text x="{width - right + 36}" y="{y + 4}">linear growth</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def growth(points: dict[int, dict]) -> str:
    """The exponent k in time ~ files^k between consecutive sizes (1 is linear)."""
    ns = sorted(points)
    parts = []
    for a, b in zip(ns, ns[1:]):
        ta, tb = points[a]["s"], points[b]["s"]
        if ta > 0 and tb > 0:
            parts.append(f"{math.log(tb / ta) / math.log(b / a):.2f}")
    return " → ".join(parts) or "–"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} MB"


def report(data: dict) -> str:
    results, skipped, ns = data["sizes"], data["skipped"], data["files"]

    def s(name: str, n: int) -> float | None:
        return results.get(name, {}).get(n, {}).get("s")

    def cell(v: float | None, unit: str = " s") -> str:
        return "–" if v is None else f"{v:.2f}{unit}"

    machine = data["machine"]
    lines = [
        "# Performance",
        "",
        f"Measured by `make bench` (bench/run.py) on {machine['date']}: {machine['cores']} cores, "
        f"Python {machine['python']}, {machine['load']}. Generated agreements of about "
        f"{machine['kb_per_file']:.0f} KB each (from the real ones in agreements/). Each command runs as a user "
        "runs it, a fresh process over the files; a figure is the median wall-clock time of "
        f"{data['repeat']} runs (one run above 3,000 files or for a command that takes over {LONG:.0f} s), in seconds. The machine is shared: wall-clock "
        "figures are noisy, and every ratio below is between figures of this one run. "
        "The processor time (user + system, worker processes included) of each run is in "
        "docs/performance.json.",
        "",
        *[
            f"Measured again on {a['date']} ({a['load']}; `bench/run.py --only`), in one run, at "
            f"{', '.join(f'{n:,}' for n in a['files'])} files: {', '.join(a['commands'])}. Their rows and the "
            "ratios between them come from that run.\n"
            for a in data.get("again", [])
        ],
        "## Goals (issue 22)",
        "",
        "The verdict is read from the wall-clock figure; the processor-time figure (user + system, worker "
        "processes included) of the same runs is beside it, less disturbed by the other work on the machine.",
        "",
        "| goal | wall clock | processor time | holds |",
        "|---|---|---|---|",
    ]
    mid = 3000 if 3000 in ns else ns[-1]

    def cpu(name: str, n: int) -> float | None:
        return results.get(name, {}).get(n, {}).get("cpu_s")

    def goal(label: str, a: str, b: str, holds: Callable[[float], bool], unit: str = "") -> None:
        wall, proc = ratio(s(a, mid), s(b, mid)), ratio(cpu(a, mid), cpu(b, mid))
        verdict = "yes" if wall is not None and holds(wall) else "no"
        lines.append(f"| {label} ({mid:,} files) | {cell(wall, unit)} | {cell(proc, unit)} | {verdict} |")

    goal("lint cold / lint warm >= 10", "lint cold", "lint warm", lambda r: r >= 10, "x")
    for f in FORMATS:
        goal(f"expiring -f {f} after lint (cache) / lint cold <= 1.0", f"expiring {f}", "lint cold", lambda r: r <= 1)
        goal(
            f"expiring -f {f} without the cache / lint cold <= 1.0",
            f"expiring {f} (no cache)",
            "lint cold",
            lambda r: r <= 1,
        )
    goal("render -f html / Jinja floor <= 2", "render html", "jinja floor html", lambda r: r <= 2, "x")
    for kind in ("notes", "parties"):
        d = data["diff"].get(f"32,000 {kind}", {})
        wall_s, cpu_s = d.get("s"), d.get("cpu_s")
        lines.append(
            f"| diff of two files with 32,000 {kind} < 2 s | {cell(wall_s)} | {cell(cpu_s)} | "
            f"{'yes' if wall_s and wall_s < 2 else 'no'} |"
        )
    lines += [
        "",
        "## Every command by number of files",
        "",
        "Seconds (median). Growth: the exponent k in time ∝ files^k from one size to the next (1 is linear; "
        "below 1 while start-up still counts).",
        "",
        "| command | " + " | ".join(f"{n:,} files" for n in ns) + " | growth |",
        "|---|" + "---|" * len(ns) + "---|",
    ]
    for name in results:
        row = [cell(s(name, n)) if s(name, n) is not None else ("skipped" if n in skipped.get(name, {}) else "–")
               for n in ns]  # fmt: skip
        lines.append(f"| {name} | " + " | ".join(row) + f" | {growth(results[name])} |")
    lines += ["", "![seconds against files, log-log](performance.svg)", "", "## Peak memory", ""]
    lines += [
        "The peak resident memory of the largest process, the command or one of its workers, in MB (the largest "
        "of the runs); workers started by fork count the pages they share with the command, and the processes "
        "together hold more.",
        "",
        "| command | " + " | ".join(f"{n:,} files" for n in ns) + " |",
        "|---|" + "---|" * len(ns),
    ]
    for name in results:
        lines.append(f"| {name} | " + " | ".join(_mb(results[name].get(n, {}).get("peak_mb")) for n in ns) + " |")
    lines += ["", "## Ratios", ""]
    lines.append("| ratio | " + " | ".join(f"{n:,} files" for n in ns) + " |")
    lines.append("|---|" + "---|" * len(ns))
    pairs = [
        ("lint cold / lint warm (x faster warm)", "lint cold", "lint warm"),
        ("check-jsonschema / lint cold (x faster samenwerk)", "check-jsonschema", "lint cold"),
        ("yamllint / lint cold (x faster samenwerk)", "yamllint", "lint cold"),
        *[(f"expiring {f} / lint cold", f"expiring {f}", "lint cold") for f in FORMATS],
        *[(f"expiring {f} without cache / lint cold", f"expiring {f} (no cache)", "lint cold") for f in FORMATS],
        ("render html / Jinja floor", "render html", "jinja floor html"),
        ("list / lint cold", "list", "lint cold"),
    ]
    for label, a, b in pairs:
        lines.append(f"| {label} | " + " | ".join(cell(ratio(s(a, n), s(b, n)), "") for n in ns) + " |")
    lines += ["", "## Skipped", ""]
    if skipped:
        for name, where in skipped.items():
            for n, why in where.items():
                lines.append(f"- {name} at {n:,} files: {why}")
    else:
        lines.append("Nothing.")
    lines += [
        "",
        "check-jsonschema and yamllint run up to "
        f"{data['peers_up_to']:,} files (`python bench/run.py --peers-up-to N`). lint, expiring, render and site use every core once "
        "there are 200 files or more (`--jobs`); the floors run on one core. The Jinja floor "
        "(bench/jinja_floor.py) loads each agreement (C YAML and Pydantic), builds its template context and "
        "renders the same template with one environment, writing nothing; render also checks that every "
        "reference resolves, makes its sandboxed environment per file and writes each file atomically. The site "
        "is built with --no-pdf into an empty folder (bench/site.py measures its rebuilds). Lint cold is the first "
        "run with an empty cache (it fills the cache; `--no-cache` costs the same less the writes), lint warm "
        "the run after it; expiring after lint reads the deadline material lint stored in the cache.",
        "",
        "## Once",
        "",
        f"- render -f pdf: {data['pdf']['s_per_document']:.2f} s per document "
        f"({data['pdf']['documents']} documents in {data['pdf']['s']:.1f} s; peak memory "
        f"{_mb(data['pdf'].get('peak_mb'))}).",
        "- start-up: " + ", ".join(f"`{k}` {v * 1000:.0f} ms" for k, v in data["startup"].items()) + ".",
        "",
        "diff: two revisions of a repository, two versions of one large agreement, and two versions of an "
        "agreement with a long list of notes (no keys) or parties (with ids), 1 % of the entries changed, "
        "removed, added and moved. Beside the largest, for reference: the two files only read with PyYAML's C "
        "loader and validated by the model (bench/floor.py: no positions, nothing compared). Two sides of 1 MB "
        "or more are read at once, the old one in a forked worker: its peak memory is the larger of the two "
        "processes, and each counts the pages they share.",
        "",
        "| diff | seconds | processor seconds | peak memory |",
        "|---|---|---|---|",
    ]
    for name, r in data["diff"].items():
        lines.append(f"| {name} | {r['s']:.2f} | {r['cpu_s']:.2f} | {_mb(r.get('peak_mb'))} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,3000,30000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peers-up-to", type=int, default=3000, help="run check-jsonschema and yamllint up to this")
    parser.add_argument("--budget", type=float, default=300.0, help="seconds a command may be expected to take")
    parser.add_argument("--minutes", type=float, default=math.inf, help="skip what is left after this long")
    parser.add_argument("--no-doc", action="store_true", help="do not write docs/performance.md")
    parser.add_argument("--report-only", action="store_true", help="write the report from docs/performance.json")
    parser.add_argument(
        "--only",
        default="",
        help="measure again only the commands whose names start with these (comma-separated), at --sizes, and "
        "keep the other figures of docs/performance.json; the report says which rows come from which run",
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.report_only:
        data = json.loads(RESULTS.read_text(encoding="utf-8"))
        data["sizes"] = {k: {int(n): r for n, r in v.items()} for k, v in data["sizes"].items()}
        data["skipped"] = {k: {int(n): r for n, r in v.items()} for k, v in data["skipped"].items()}
        write_report(data)
        return
    ns = sorted(int(s) for s in args.sizes.split(","))
    kb = sum(p.stat().st_size for p in generate(ns[0], OUT / f"corpus-{ns[0]}")) / ns[0] / 1024
    load = os.getloadavg()
    stop_at = time.time() + args.minutes * 60
    if args.only:
        again(tuple(c.strip() for c in args.only.split(",") if c.strip()), ns, args, stop_at, load)
        return
    once = {"startup": startup(), "pdf": pdf(), "diff": diffs(args.repeat)}
    results, skipped = sizes(ns, args.repeat, args.peers_up_to, args.budget, stop_at)
    data = {
        "machine": {
            "cores": os.cpu_count(),
            "python": sys.version.split()[0],
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "load": f"load average {load[0]:.1f} at the start",
            "kb_per_file": kb,
        },
        "files": ns,
        "repeat": args.repeat,
        "peers_up_to": args.peers_up_to,
        "sizes": results,
        "skipped": skipped,
        **once,
    }
    RESULTS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"written {RESULTS}")
    if not args.no_doc:
        write_report(data)


def again(only: tuple[str, ...], ns: list[int], args: argparse.Namespace, stop_at: float, load: tuple) -> None:
    """Measure some commands again (``--only``) and put their figures into the last run's results."""
    data = json.loads(RESULTS.read_text(encoding="utf-8"))
    data["sizes"] = {k: {int(n): r for n, r in v.items()} for k, v in data["sizes"].items()}
    data["skipped"] = {k: {int(n): r for n, r in v.items()} for k, v in data["skipped"].items()}
    results, skipped = sizes(ns, args.repeat, args.peers_up_to, args.budget, stop_at, only)
    for name, by_size in results.items():
        data["sizes"].setdefault(name, {}).update(by_size)
        for n in by_size:
            data["skipped"].get(name, {}).pop(n, None)
    for name, by_size in skipped.items():
        data["skipped"].setdefault(name, {}).update(by_size)
    data["skipped"] = {name: where for name, where in data["skipped"].items() if where}
    # A command measured again in this run is no longer the figure of an earlier run's paragraph.
    earlier = [{**a, "commands": [c for c in a["commands"] if c not in results]} for a in data.get("again", [])]
    data["again"] = [a for a in earlier if a["commands"]]
    data["again"].append(
        {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "load": f"load average {load[0]:.1f} at the start",
            "commands": sorted(results),
            "files": ns,
        }
    )
    RESULTS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"written {RESULTS}")
    if not args.no_doc:
        write_report(data)


def write_report(data: dict) -> None:
    results = data["sizes"]
    DOC.write_text(report(data), encoding="utf-8")
    names = [n for n in results if not n.startswith("expiring") or n in ("expiring json", "expiring table")]
    (DOC.parent / "performance.svg").write_text(plot(results, names), encoding="utf-8")
    print(f"written {DOC} and {DOC.parent / 'performance.svg'}")


if __name__ == "__main__":
    main()
