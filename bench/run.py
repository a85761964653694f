"""Benchmark: samenwerk against its peers and the parsing floor, on the same generated agreements, in one run.

    python bench/run.py [--sizes 300,3000,30000] [--repeat 3] [--peers-up-to 3000]

Agreements are generated from the real ones in agreements/ (varied ids, titles and party names). Every tool
is run as a user runs it, as a fresh process over the files; the best of --repeat wall-clock runs is kept.
Measured per size: samenwerk lint cold (all cores, no cache) and on one core, a second lint of unchanged
files (cache), samenwerk expiring, the floor (bench/floor.py: C YAML load + Pydantic, no rules, no
reporting), check-jsonschema with schemas/agreement.schema.json, yamllint, and samenwerk lint's peak
memory. Then: samenwerk --version against a bare `python -c pass`, and samenwerk diff of two revisions of
repositories of 300 and 3,000 agreements that differ in one file, of two versions of a large
agreement, and of two versions of an agreement with 8,000, 16,000 and 32,000 notes (no keys) or parties
(with ids), 1 % of them changed, removed, added and moved. Results are printed and written to
bench/out/results.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
SCHEMA = ROOT / "schemas" / "agreement.schema.json"


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


def run(
    cmd: list[str], ok: tuple[int, ...] = (0, 1), cwd: Path | None = None, env: dict[str, str] | None = None
) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd[:3])} exited {proc.returncode}: {proc.stderr.decode()[-2000:]}")
    return elapsed


def best(cmd: list[str], repeat: int, **kw: object) -> float:
    return min(run(cmd, **kw) for _ in range(repeat))  # type: ignore[arg-type]


def peak_rss_mb(cmd: list[str], cwd: Path | None = None) -> float:
    """Peak resident memory of the command (and its worker processes), in MB."""
    code = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, cwd=cwd, check=True)
    return round(int(out.stdout.strip()) / 1024, 1)


def lint_sizes(sizes: list[int], repeat: int, peers_up_to: int) -> list[dict[str, float | int | str]]:
    rows = []
    samenwerk = str(BIN / "samenwerk")
    for n in sizes:
        corpus = OUT / f"corpus-{n}"
        files = generate(n, corpus)
        reps = 1 if n > 3000 else repeat
        row: dict[str, float | int | str] = {"files": n}
        lint = [samenwerk, "lint", "--format", "concise", str(corpus)]
        row["lint_cold_s"] = best([*lint, "--no-cache"], reps)
        row["lint_one_core_s"] = best([*lint, "--no-cache", "--jobs", "1"], reps)
        shutil.rmtree(OUT / ".samenwerk_cache", ignore_errors=True)
        run(lint, cwd=OUT)  # fills the cache
        row["lint_cached_s"] = best(lint, reps, cwd=OUT)
        row["expiring_s"] = best([samenwerk, "expiring", str(corpus), "--format", "json", "--fail-on", "never"], reps)
        row["floor_s"] = best([sys.executable, str(ROOT / "bench" / "floor.py"), str(corpus)], reps, ok=(0,))
        row["lint_peak_mb"] = peak_rss_mb([*lint, "--no-cache"])
        if n <= peers_up_to:
            row["check_jsonschema_s"] = best(
                [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), *map(str, files)], reps
            )
            row["yamllint_s"] = best([str(BIN / "yamllint"), "-f", "parsable", str(corpus)], reps)
            row["vs_check_jsonschema"] = round(float(row["check_jsonschema_s"]) / float(row["lint_cold_s"]), 2)
            row["vs_yamllint"] = round(float(row["yamllint_s"]) / float(row["lint_cold_s"]), 2)
        row["one_core_vs_floor"] = round(float(row["lint_one_core_s"]) / float(row["floor_s"]), 2)
        row["cold_vs_cached"] = round(float(row["lint_cold_s"]) / float(row["lint_cached_s"]), 1)
        row["expiring_vs_lint"] = round(float(row["expiring_s"]) / float(row["lint_cold_s"]), 2)
        row["files_per_s"] = round(n / float(row["lint_cold_s"]), 1)
        rows.append(row)
        print(json.dumps(row))
    return rows


def startup(repeat: int = 20) -> dict[str, float]:
    bare = [sys.executable, "-c", "pass"]
    version = [str(BIN / "samenwerk"), "--version"]
    run(version)
    b = statistics.median(run(bare, ok=(0,)) for _ in range(repeat))
    v = statistics.median(run(version, ok=(0,)) for _ in range(repeat))
    row = {
        "python_pass_ms": round(b * 1000, 1),
        "version_ms": round(v * 1000, 1),
        "overhead_ms": round((v - b) * 1000, 1),
    }
    print(json.dumps(row))
    return row


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@b",
        "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@b",
    }
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def diff_runs(repeat: int) -> dict[str, float]:
    row: dict[str, float] = {}
    samenwerk = str(BIN / "samenwerk")
    for n in (300, 3000):
        repo = OUT / f"repo-{n}"
        if not (repo / ".git").exists():
            shutil.rmtree(repo, ignore_errors=True)
            (repo / "agreements").mkdir(parents=True)
            for path in generate(n, OUT / f"corpus-{n}"):
                shutil.copy(path, repo / "agreements" / path.name)
            git(repo, "init", "-q")
            git(repo, "add", "-A")
            git(repo, "commit", "-qm", "all")
            one = repo / "agreements" / "agreement-000007.yaml"
            one.write_text(
                one.read_text(encoding="utf-8").replace("  end: 31-12-2025", "  end: 31-12-2026"), encoding="utf-8"
            )
            git(repo, "commit", "-qam", "one")
        row[f"diff_revisions_{n}_s"] = best([samenwerk, "diff", "HEAD~1", "HEAD", "--format", "json"], repeat, cwd=repo)
    big_old = OUT / "big-old.yaml"
    big_new = OUT / "big-new.yaml"
    text = (ROOT / "agreements" / "gent-vdab-2020-2025.yaml").read_text(encoding="utf-8")
    big_old.write_text(text, encoding="utf-8")
    changed = text.replace("end: 2025-12-31", "end: 2026-12-31").replace("organisatieoverstijgende", "gezamenlijke")
    big_new.write_text(changed.replace("      - {name: de heer Johan Deckmyn}\n", ""), encoding="utf-8")
    row["diff_large_agreement_s"] = best([samenwerk, "diff", str(big_old), str(big_new), "--format", "json"], repeat)
    for n in LONG_LISTS:
        for kind in ("notes", "parties"):
            old, new = long_list(kind, n, OUT / "long-lists")
            row[f"diff_{kind}_{n}_s"] = best([samenwerk, "diff", str(old), str(new), "--format", "json"], repeat)
    print(json.dumps(row))
    return row


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,3000,30000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--peers-up-to", type=int, default=3000, help="run check-jsonschema and yamllint up to this size"
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results = {
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "lint": lint_sizes([int(s) for s in args.sizes.split(",")], args.repeat, args.peers_up_to),
        "startup": startup(),
        "diff": diff_runs(args.repeat),
    }
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
