"""Benchmark: samenwerk lint against check-jsonschema on the same generated agreements, in one run.

    python bench/run.py [--sizes 3000] [--repeat 3]

Agreements are generated from the real ones in agreements/ with varied ids, titles and party names.
Each tool is run as a user runs it (a fresh process over the whole directory); the best of --repeat
wall-clock runs is kept. Results are printed and written to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent


def generate(n: int, dest: Path) -> list[Path]:
    if dest.exists() and len(list(dest.glob("*.yaml"))) == n:
        return sorted(dest.glob("*.yaml"))
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    rng = random.Random(n)
    templates = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "agreements").glob("*.yaml"))]
    towns = ["Aalst", "Brugge", "Genk", "Hasselt", "Leuven", "Mechelen", "Roeselare", "Turnhout", "Lier", "Geel"]
    files = []
    for i in range(n):
        text = templates[i % len(templates)]
        town = f"{rng.choice(towns)} {i}"
        text = re.sub(r"^id: .*$", f"id: bench-{i:06d}", text, count=1, flags=re.M)
        text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} ({town})", text, count=1, flags=re.M)
        text = re.sub(r"^(    name: Lokaal bestuur )(\S+)", lambda m: f"{m.group(1)}{m.group(2)}-{i}", text, flags=re.M)
        path = dest / f"agreement-{i:06d}.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def timed(cmd: list[str], repeat: int, ok: tuple[int, ...] = (0,)) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode not in ok:
            raise SystemExit(f"{cmd[0]} exited {proc.returncode}:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
        best = min(best, elapsed)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3000", help="comma-separated corpus sizes")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    schema = ROOT / "schemas" / "agreement.schema.json"
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        corpus = OUT / f"corpus-{n}"
        files = generate(n, corpus)
        row: dict[str, float | int] = {"files": n}
        row["samenwerk_lint_s"] = timed([str(BIN / "samenwerk"), "lint", "--output-format", "concise", str(corpus)], args.repeat)
        row["check_jsonschema_s"] = timed(
            [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *map(str, files)], args.repeat
        )
        row["samenwerk_files_per_s"] = round(n / row["samenwerk_lint_s"], 1)
        row["check_jsonschema_files_per_s"] = round(n / row["check_jsonschema_s"], 1)
        row["speedup_vs_check_jsonschema"] = round(row["check_jsonschema_s"] / row["samenwerk_lint_s"], 2)
        results.append(row)
        print(
            f"{n:>6} files  samenwerk lint {row['samenwerk_lint_s']:.2f}s ({row['samenwerk_files_per_s']} files/s)  "
            f"check-jsonschema {row['check_jsonschema_s']:.2f}s ({row['check_jsonschema_files_per_s']} files/s)  "
            f"ratio {row['speedup_vs_check_jsonschema']}x"
        )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
