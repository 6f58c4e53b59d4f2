#!/usr/bin/env python3
"""Interpreter speed against CPython on the benchmark programs (../shared/bench/py).

For every program, runs `python3 NAME.py`, `edgepyc run NAME.py` and
`edgepyc profile NAME.py -o TMP` interleaved (the order rotates each round), checks that
edgepyc printed what CPython printed, and reports the median CPU time (user + system of
the child, which a loaded shared machine distorts much less than wall time) and wall time,
with ratios to CPython. Prints a Markdown table (docs/interp.md quotes one).

usage: scripts/bench-interp.py [--reps N] [--bench DIR] [NAME ...]
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EDGEPYC = os.path.join(ROOT, 'bin', 'edgepyc')


def run(argv, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return r, cpu, wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--reps', type=int, default=3)
    ap.add_argument('--bench', default=os.path.join(ROOT, '..', 'shared', 'bench', 'py'))
    ap.add_argument('names', nargs='*')
    a = ap.parse_args()
    names = a.names or sorted(f[:-3] for f in os.listdir(a.bench) if f.endswith('.py'))
    tmp = tempfile.mkdtemp(prefix='edgepyc-bench-')
    print(f'# CPython {sys.version.split()[0]} ({sys.executable}); {a.reps} rounds; '
          f'medians of CPU seconds (user+sys), wall seconds in parentheses', file=sys.stderr)
    rows = []
    for name in names:
        prof = os.path.join(tmp, name + '.profile')
        impls = {
            'cpython': [sys.executable, name + '.py'],
            'run': [EDGEPYC, 'run', name + '.py'],
            'profile': [EDGEPYC, 'profile', name + '.py', '-o', prof],
        }
        times = {k: [] for k in impls}
        walls = {k: [] for k in impls}
        expected = None
        ok = True
        order = list(impls)
        for rnd in range(a.reps):
            for k in order[rnd % 3:] + order[:rnd % 3]:
                if k == 'profile' and os.path.exists(prof):
                    os.remove(prof)
                r, cpu, wall = run(impls[k], a.bench)
                if k == 'cpython':
                    expected = r.stdout
                elif expected is not None and r.stdout != expected:
                    ok = False
                times[k].append(cpu)
                walls[k].append(wall)
        med = {k: statistics.median(v) for k, v in times.items()}
        wmed = {k: statistics.median(v) for k, v in walls.items()}
        rows.append((name, med, wmed, ok))
        print(f'{name}: cpython {med["cpython"]:.2f}s, run {med["run"]:.2f}s '
              f'({med["run"] / med["cpython"]:.1f}x), profile {med["profile"]:.2f}s '
              f'({med["profile"] / med["cpython"]:.1f}x){"" if ok else "  OUTPUT DIFFERS"}',
              file=sys.stderr, flush=True)
    print('| program | CPython s | `edgepyc run` s | run / CPython | `edgepyc profile` s | profile / CPython | output |')
    print('|---|---|---|---|---|---|---|')
    for name, med, wmed, ok in rows:
        c = med['cpython']
        print(f'| {name} | {c:.2f} ({wmed["cpython"]:.2f}) | {med["run"]:.2f} ({wmed["run"]:.2f}) | '
              f'{med["run"] / c:.1f}x | {med["profile"]:.2f} ({wmed["profile"]:.2f}) | '
              f'{med["profile"] / c:.1f}x | {"same" if ok else "DIFFERS"} |')
    ratios = [m['run'] / m['cpython'] for _, m, _, _ in rows]
    pratios = [m['profile'] / m['cpython'] for _, m, _, _ in rows]
    print(f'\ngeometric mean: run {statistics.geometric_mean(ratios):.1f}x, '
          f'profile {statistics.geometric_mean(pratios):.1f}x CPython')


if __name__ == '__main__':
    main()
