"""Mutations of the bundled case files, in their bytes and in their structure.

Every mutant comes from `(seed, index)` alone, so a failure is reproduced by
its numbers (see `mutant`). Byte mutations break the YAML (control
characters, escapes, aliases, brackets, huge numbers, cut or doubled lines);
structural ones keep it well-formed and change what it says (a value replaced
by a hostile one or by another part of the file, a key removed or added, the
criteria switched off, every weight zero...), which reaches far deeper.
"""

from __future__ import annotations

import copy
import functools
import random
from typing import Any

import yaml
from fuzz_ops import GENTLE, ROUGH

SNIPPETS = [
    "\x1b",
    "\x00",
    "\x07",
    "\t",
    "\r",
    "\u2028",
    "\u0085",
    "\x9b",
    '"\\udc80"',
    '"\\e[2J\\e]52;c;eA==\\a"',
    "&a ",
    "*a",
    "&b [1, *b]",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    "\n",
    "  ",
    "? ",
    "'",
    '"',
    "#",
    "|",
    ">-",
    "0x" + "f" * 90,
    "0b" + "1" * 70,
    "1:" * 40 + "1",
    "1e308",
    "1.7e+308",
    "-1",
    "~",
    "9" * 30,
    ".nan",
    "-.inf",
    "!!python/object:os.system ",
    "!!binary ",
    "<<: ",
    "!!set ",
    "\ufeff",
    "2025-02-30",
    "null",
    "../../../etc/passwd",
    "/dev/zero",
    "\\",
    "%YAML 1.1\n---\n",
]


def mutant(seeds: list[tuple[str, bytes]], seed: int, index: int) -> tuple[str, bytes, str]:
    """(seed file name, mutated bytes, what was done) for mutant `index` of `seed`."""
    rng = random.Random(f"{seed}:{index}")
    name, original = seeds[rng.randrange(len(seeds))]
    if rng.random() < 0.4:
        data, how = mutate_bytes(rng, original)
    else:
        data, how = mutate_structure(rng, original)
    return name, data, how


def mutate_bytes(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    done = []
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(6)
        i = rng.randrange(len(data) + 1)
        if op == 0:
            data = data[:i] + bytes([rng.randrange(256)]) + data[i + 1 :]
        elif op <= 2:
            data = data[:i] + rng.choice(SNIPPETS).encode("utf-8", "surrogatepass") + data[i:]
        elif op == 3:
            data = data[:i] + data[i + rng.randint(1, 200) :]
        else:
            lines = data.split(b"\n")
            a = rng.randrange(len(lines))
            b = min(len(lines), a + rng.randint(1, 30))
            if op == 4:
                lines[b:b] = lines[a:b]
            else:
                lines[a:b] = lines[a:b][::-1]
            data = b"\n".join(lines)
        done.append(f"bytes op {op} at {i}")
    return data, ", ".join(done)


@functools.lru_cache(maxsize=8)
def _parsed(original: bytes) -> Any:
    return yaml.load(original, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def mutate_structure(rng: random.Random, original: bytes) -> tuple[bytes, str]:
    data = copy.deepcopy(_parsed(original))
    done = []
    gentle = rng.random() < 0.7  # changes a valid file may well survive, to reach the commands
    ops = GENTLE if gentle else ROUGH
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(ops)
        try:
            done.append(op(rng, data))
        except (TypeError, KeyError, AttributeError, IndexError, ValueError):
            done.append(f"{op.__name__} did not apply")
    options = {"allow_unicode": True, "sort_keys": False, "width": 100}
    try:
        text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), **options)
    except UnicodeEncodeError:  # libyaml cannot write a lone surrogate; PyYAML escapes it
        text = yaml.dump(data, Dumper=yaml.SafeDumper, **options)
    return text.encode("utf-8", "surrogatepass"), "; ".join(done)
