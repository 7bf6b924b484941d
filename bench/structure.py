"""Size and complexity of the packages, by radon: the figures a refactoring is judged by.

    python -m bench.structure [--top 10] [PACKAGE ...]

Prints every module over 400 lines (radon's source lines of code and the
file's physical lines), the ``--top`` most complex functions (cyclomatic
complexity), and the counts over the limits the project keeps: modules over
500 lines, functions over complexity 25. Needs the ``dev`` extra (radon).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from radon.complexity import cc_visit
from radon.raw import analyze

MODULE_LINES = 500
COMPLEXITY = 25


def measure(packages: list[str]) -> tuple[list[tuple[str, int, int]], list[tuple[int, str]]]:
    modules, functions = [], []
    for package in packages:
        for path in sorted(Path(package).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            raw = analyze(source)
            modules.append((str(path), raw.loc, raw.sloc))
            seen = set()
            for block in cc_visit(source):
                # cc_visit lists each class and, again, each of its methods: count functions once.
                for item in getattr(block, "methods", [block]):
                    name = f"{item.classname}.{item.name}" if item.classname else item.name
                    if (item.lineno, name) not in seen:
                        seen.add((item.lineno, name))
                        functions.append((item.complexity, f"{path}:{item.lineno} {name}"))
    return modules, functions


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*", default=["indexer", "searchsvc"])
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    modules, functions = measure(args.packages)
    modules.sort(key=lambda m: -m[1])
    functions.sort(key=lambda f: -f[0])
    print(f"{len(modules)} modules, {sum(m[1] for m in modules)} lines "
          f"({sum(m[2] for m in modules)} source lines); {len(functions)} functions")
    print(f"\nmodules over 400 lines (lines, source lines):")
    for path, loc, sloc in modules:
        if loc > 400:
            print(f"  {loc:5d} {sloc:5d}  {path}")
    print(f"\n{args.top} most complex functions (cyclomatic complexity):")
    for complexity, where in functions[:args.top]:
        print(f"  {complexity:4d}  {where}")
    over_lines = sum(1 for m in modules if m[1] > MODULE_LINES)
    over_cc = sum(1 for f in functions if f[0] > COMPLEXITY)
    print(f"\nmodules over {MODULE_LINES} lines: {over_lines}; "
          f"functions above complexity {COMPLEXITY}: {over_cc}")


if __name__ == "__main__":
    main()
