"""Benchmark: the register site (samenwerk site) for generated agreements in a git repository.

    python bench/site.py [--sizes 3000] [--repeat 3] [--jobs 2]

The agreements are bench/run.py's (generated from the real ones), committed to a repository under bench/out/
(one commit with all of them, a second that changes one). Measured per size, each as a fresh `samenwerk site`
process with --no-pdf (a PDF takes seconds per agreement; the site makes it once per changed file with --pdf):
a full build into an empty folder and its peak memory (the largest of the process and its workers), a
rebuild with nothing changed, and a rebuild after one file changed in the working tree (best of --repeat, the
file changed back and forth). Results are printed and written to bench/out/site.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time

from run import AS_OF, OUT, SAMENWERK, repository, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        repo = repository(n, "site-repo")
        site = OUT / f"site-{n}"
        shutil.rmtree(site, ignore_errors=True)
        cmd = [SAMENWERK, "site", str(repo / "agreements"), "--output-dir", str(site), "--no-pdf"]
        cmd += ["--as-of", AS_OF, "--jobs", str(args.jobs), "-q"]
        full, _cpu, peak = run(cmd, ok=(0,))
        peak = round(peak, 1)
        files = sum(1 for p in site.rglob("*") if p.is_file())
        unchanged = min(run(cmd, ok=(0,))[0] for _ in range(args.repeat))
        one = repo / "agreements" / "agreement-000011.yaml"
        original = one.read_text(encoding="utf-8")
        changed = original.replace("end: 2025-12-31", "end: 2027-06-30").replace("end: 31-12-2025", "end: 30-06-2027")
        assert changed != original
        times = []
        try:
            for i in range(args.repeat):
                one.write_text(changed if i % 2 == 0 else original, encoding="utf-8")
                os.utime(one, (time.time(), time.time()))
                times.append(run(cmd, ok=(0,))[0])
        finally:
            one.write_text(original, encoding="utf-8")
        row = {
            "agreements": n,
            "jobs": args.jobs,
            "files_written": files,
            "full_build_s": round(full, 2),
            "full_build_peak_mb": peak,
            "unchanged_rebuild_s": round(unchanged, 2),
            "one_changed_rebuild_s": round(min(times), 2),
        }
        results.append(row)
        print(json.dumps(row), flush=True)
    machine = {"cores": os.cpu_count(), "python": sys.version.split()[0]}
    (OUT / "site.json").write_text(json.dumps({"machine": machine, "site": results}, indent=2) + "\n", encoding="utf-8")
    print(f"written {OUT / 'site.json'}")


if __name__ == "__main__":
    main()
