"""Benchmark: render time as an agreement grows (parties with a representative and a signature block each).

    python bench/render.py [--parties 100,1000,10000] [--pdf-up-to 1000]

Each size is rendered as a user runs it (a fresh `samenwerk render` process) to md, html and, up to
--pdf-up-to parties, pdf; the best of --repeat runs is kept. The agreements are generated from
tests/fixtures/lint/positive/minimal.yaml under bench/out/render/. Results are printed and written to
bench/out/render.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SAMENWERK = Path(sys.executable).parent / "samenwerk"


def generate(parties: int, dest: Path) -> Path:
    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "lint" / "positive" / "minimal.yaml").read_text("utf-8"))
    for i in range(parties - len(data["parties"])):
        data["parties"].append(
            {
                "id": f"gemeente-{i}",
                "name": f"Gemeente {i}",
                "kind": "gemeente",
                "representatives": [
                    {"id": f"burgemeester-{i}", "name": f"Burgemeester {i}", "function": "burgemeester"}
                ],
            }
        )
        data["signing"]["blocks"].append({"party": f"gemeente-{i}", "signatories": [{"person": f"burgemeester-{i}"}]})
    path = dest / f"parties-{parties}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def best(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr[-500:]}")
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parties", default="100,1000,10000")
    parser.add_argument("--pdf-up-to", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    dest = OUT / "render"
    dest.mkdir(parents=True, exist_ok=True)
    results = []
    print(f"{'parties':>8} {'md':>8} {'html':>8} {'pdf':>9}")
    for n in (int(x) for x in args.parties.split(",")):
        path = generate(n, dest)
        row: dict[str, float | int | None] = {"parties": n}
        for fmt in ("md", "html", "pdf"):
            if fmt == "pdf" and n > args.pdf_up_to:
                row[fmt] = None
                continue
            target = dest / f"{path.stem}.{fmt}"
            cmd = [str(SAMENWERK), "render", str(path), "-f", fmt, "-o", str(target), "--force"]
            row[fmt] = best(cmd, 1 if fmt == "pdf" else args.repeat)
        results.append(row)
        cells = [f"{row[f]:7.2f}s" if row[f] is not None else "   (skip)" for f in ("md", "html", "pdf")]
        print(f"{n:>8} {' '.join(cells)}")
    (OUT / "render.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
