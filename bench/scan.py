"""Benchmark: the national-register-number scan grows linearly with its input.

    python bench/scan.py

For each kind of input, the scan (samenwerk's rule, as lint runs it) is timed at 1x and 10x the size, best of
three; linear work takes about 10x the time, quadratic work about 100x. Results are printed and written to
bench/out/scan.json.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from samenwerk.rules import national_register_number as rule
from samenwerk.rules.base import Context

OUT = Path(__file__).resolve().parent / "out"


def numbers(k: int) -> list[str]:
    """``k`` valid numbers, a thousand different ones over and over."""
    out = []
    for i in range(1000):
        base = f"{i % 100:02d}{i % 12 + 1:02d}{i % 28 + 1:02d}{i % 997 + 1:03d}"
        out.append(base + f"{97 - int(base) % 97:02d}")
    return [out[i % 1000] for i in range(k)]


def different(k: int) -> list[str]:
    """``k`` different valid numbers."""
    out = []
    for i in range(k):
        base = f"{i % 100:02d}{(i // 100) % 12 + 1:02d}{(i // 1200) % 28 + 1:02d}{i % 997 + 1:03d}"
        out.append(base + f"{97 - int(base) % 97:02d}")
    return out


SCANS: dict[str, tuple[Callable[[int], str], int]] = {
    "valid numbers, one per line": (
        lambda k: "\n".join(f"- insz: {n[:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:]}" for n in numbers(k)),
        10_000,
    ),
    "different valid numbers, one per line": (lambda k: "\n".join(f"- {n}" for n in different(k)), 10_000),
    "valid numbers, one line": (lambda k: " ".join(f"{n[:2]}.{n[2:4]}.{n[4:6]} {n[6:]}" for n in numbers(k)), 10_000),
    "digits only": (lambda k: "1234567890" * k, 50_000),
    "digits and single separators": (lambda k: "1 2.3-4/5\u00a06 " * k, 50_000),
    "near misses": (lambda k: "85.07.30.033.2 85-07-30-033-28-" * k, 10_000),
}


def best(text: str) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        for _ in rule.check_text(text, Context(path="a.yaml")):
            pass
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    results = {}
    print(f"{'input':40} {'1x':>9} {'10x':>9} {'ratio':>6}")
    for name, (make, n) in SCANS.items():
        small, large = best(make(n)), best(make(10 * n))
        results[name] = {"n": n, "seconds_1x": small, "seconds_10x": large, "ratio": large / max(small, 1e-6)}
        print(f"{name:40} {small:8.3f}s {large:8.3f}s {large / max(small, 1e-6):6.1f}")
    OUT.mkdir(exist_ok=True)
    (OUT / "scan.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
