"""The structural mutations of a case's data: hostile values, grafts and cuts
(ROUGH), and changes a valid file may well survive (GENTLE), to reach the
commands. Each takes (rng, data), changes data in place and says what it did."""

from __future__ import annotations

import copy
import datetime as dt
import random
from typing import Any

HOSTILE: list[Any] = [
    0,
    -1,
    1,
    0.5,
    2,
    5,
    100,
    1e15,
    -1e15,
    1e16,
    1e-300,
    5e-324,
    2**63,
    10**20,
    1.7e308,
    True,
    False,
    None,
    "",
    "x",
    "a" * 5000,
    "\x1b[2J",
    "ann\n",
    "1e3",
    "1.0e+3",
    [],
    {},
    [1, 2],
    {"a": 1},
    "2025",
    "benefit",
    "cost",
    "driver",
    "risk",
    "other",
    "ahp",
    "direct",
    "swing",
    "roc",
    "smarter",
    "rank_sum",
    "median",
    "geometric",
    "piecewise",
    "linear",
    dt.date(2025, 1, 1),
    "../criteria.yaml",
    "/etc/passwd",
    "../../../../etc/passwd",
    "sources/../../x",
    "\udc80",
    "[x",
    "@weight",
    "\u202e",
]


def _paths(node: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*path, i))
    return out


def _get(node: Any, path: tuple) -> Any:
    for part in path:
        node = node[part]
    return node


def _strings(data: Any) -> list[str]:
    return [p[-1] for p in _paths(data) if p and isinstance(p[-1], str)] + [
        v for p in _paths(data) if isinstance(v := _get(data, p), str) and len(v) < 80
    ]


def _pick(rng: random.Random, data: Any) -> tuple:
    paths = [p for p in _paths(data) if p]
    return rng.choice(paths)


def _replace(rng: random.Random, data: Any) -> str:
    path = _pick(rng, data)
    old = _get(data, path)
    if isinstance(old, bool | int | float) and rng.random() < 0.5:
        new: Any = rng.choice([0, -old, old * 10, old + 0.5, 1e15, 1e-300, float(old)])
    elif isinstance(old, str) and rng.random() < 0.4:
        new = rng.choice(_strings(data))
    else:
        new = copy.deepcopy(rng.choice(HOSTILE))
    _get(data, path[:-1])[path[-1]] = new
    return f"set {path} to {new!r:.40}"


def _delete(rng: random.Random, data: Any) -> str:
    path = _pick(rng, data)
    parent = _get(data, path[:-1])
    del parent[path[-1]]
    return f"deleted {path}"


def _graft(rng: random.Random, data: Any) -> str:
    """A copy of one part of the file put in place of another."""
    to, source = _pick(rng, data), _pick(rng, data)
    _get(data, to[:-1])[to[-1]] = copy.deepcopy(_get(data, source))
    return f"copied {source} to {to}"


def _add_key(rng: random.Random, data: Any) -> str:
    maps = [p for p in _paths(data) if isinstance(_get(data, p), dict)]
    path = rng.choice(maps)
    key = rng.choice(_strings(data) + ["nmae", "[x", "\x1b", "2025", "value", "off", "remove"])
    _get(data, path)[key] = copy.deepcopy(rng.choice(HOSTILE + [{"value": 1}]))
    return f"added {key!r:.30} under {path}"


def _all_off(rng: random.Random, data: Any) -> str:
    data["criteria"]["off"] = list(data["criteria"].get("use", []))
    return "switched every criterion off"


def _scenario_removes_all(rng: random.Random, data: Any) -> str:
    scenarios = data.get("scenarios") or {}
    for scenario in scenarios.values():
        scenario["criteria"] = {"remove": list(data["criteria"].get("use", []))}
    return "every scenario removes every criterion"


def _zero_weights(rng: random.Random, data: Any) -> str:
    for path in _paths(data):
        if len(path) >= 2 and path[-2] in ("points", "swing") and isinstance(_get(data, path), int | float):
            _get(data, path[:-1])[path[-1]] = rng.choice([0, 0, 1e15, 1e-300])
    return "weights zeroed (or extreme)"


def _flat_scale(rng: random.Random, data: Any) -> str:
    crits = [c for c in data["criteria"].get("local", []) or [] if isinstance(c, dict)]
    scores = [p for p in _paths(data) if p and p[-1] == "value"]
    for path in rng.sample(scores, min(len(scores), 20)):
        _get(data, path[:-1])["value"] = rng.choice([0, 5, 2.5])
    for c in crits:
        c["scale"] = {"min": 2, "max": 2}
    return "scores moved to the scale's ends"


def _team_rule(rng: random.Random, data: Any) -> str:
    data["team"] = {"aggregate": rng.choice(["mean", "median"]), "weights": rng.choice(["mean", "geometric"])}
    return "team rule changed"


def _veto_everything(rng: random.Random, data: Any) -> str:
    """A veto that every option (or all but one) crosses."""
    cid = rng.choice(data["criteria"]["use"])
    data["criteria"].setdefault("overrides", {})[cid] = {"veto": {"threshold": rng.choice([0, 5, 2.5])}}
    return f"veto on {cid}"


def _one_option(rng: random.Random, data: Any) -> str:
    keep = data["options"][rng.randrange(len(data["options"]))]
    data["options"] = [keep]
    tables = [data, *(data.get("scenarios") or {}).values(), *(data.get("assessors") or {}).values()]
    for holder in tables:
        if isinstance(holder.get("scores"), dict):
            holder["scores"] = {k: v for k, v in holder["scores"].items() if k == keep.get("id")}
    return f"only option {keep.get('id')}"


TARGETED = [
    _all_off,
    _scenario_removes_all,
    _zero_weights,
    _flat_scale,
    _team_rule,
    _veto_everything,
    _one_option,
]

ENUMS = [("benefit", "cost"), ("driver", "constraint", "risk", "other"), ("mean", "median", "geometric")]
OPTIONAL = {
    "source",
    "low",
    "high",
    "rationale",
    "veto",
    "value_function",
    "description",
    "scenarios",
    "assessors",
    "team",
    "as_of",
    "levels",
    "section",
    "elicitation",
    "role",
}


def _score(rng: random.Random, data: Any) -> str:
    """A score cell given another value on a 0..5 scale, its range widened to hold it."""
    cells = [p for p in _paths(data) if p and isinstance(c := _get(data, p), dict) and "value" in c]
    path = rng.choice(cells)
    cell = _get(data, path)
    value = rng.choice([0, 0, 5, 5, rng.randrange(11) / 2, 1e-9, 4.999])
    cell["value"] = value
    if rng.random() < 0.5:
        ranges = [(value, value), (0, 5), (max(0, value - 1), min(5, value + 1))]
        cell["low"], cell["high"] = rng.choice(ranges)
    else:
        cell["low"] = min(cell.get("low", value), value)
        cell["high"] = max(cell.get("high", value), value)
    return f"score {path} = {value}"


def _weights(rng: random.Random, data: Any) -> str:
    """Weights of a view elicited by another method, from the same order of criteria."""
    specs = [p for p in _paths(data) if p and p[-1] == "weights" and isinstance(_get(data, p), dict)]
    path = rng.choice(specs)
    old = _get(data, path).get("points") or _get(data, path).get("swing") or {}
    ids = sorted(old, key=lambda k: -old[k])
    if not ids:
        return "weights left alone"
    method = rng.choice(["direct", "swing", "roc", "smarter", "rank_sum", "rank_reciprocal", "ahp"])
    new: dict[str, Any] = {"method": method}
    if method == "direct":
        new["points"] = {k: rng.choice([0, 1, 5, 10, 100, 1e-9, old[k]]) for k in ids}
    elif method == "swing":
        new["swing"] = {k: 100 if i == 0 else rng.choice([0, 10, 50, 100]) for i, k in enumerate(ids)}
    elif method == "ahp":
        ratios = [1, 3, 1 / 9, 9, 0.5]
        new["pairwise"] = [
            {"a": a, "b": b, "ratio": rng.choice(ratios)} for a, b in zip(ids, ids[1:], strict=False)
        ]
    else:
        groups = rng.randint(1, len(ids))
        new["ranking"] = [ids[g::groups] for g in range(groups)]
    _get(data, path[:-1])[path[-1]] = new
    return f"weights {path} by {method}"


def _number(rng: random.Random, data: Any) -> str:
    """A number somewhere (a weight, bound, threshold) set to another one."""
    paths = [p for p in _paths(data) if p and type(_get(data, p)) in (int, float) and p[-1] != "value"]
    path = rng.choice(paths)
    old = _get(data, path)
    new = rng.choice([0, 1, 2.5, 5, 10, 100, 1e-9, 1e15, -1, old * 2, old / 2, old + 1, -old])
    _get(data, path[:-1])[path[-1]] = new
    return f"number {path} {old!r} -> {new!r}"


def _enum(rng: random.Random, data: Any) -> str:
    """A word from a closed set (direction, family, team rule) set to another of its set."""
    paths = [
        p for p in _paths(data) if p and isinstance(w := _get(data, p), str) and any(w in e for e in ENUMS)
    ]
    path = rng.choice(paths)
    old = _get(data, path)
    new = rng.choice(next(e for e in ENUMS if old in e))
    _get(data, path[:-1])[path[-1]] = new
    return f"word {path} {old!r} -> {new!r}"


def _drop_optional(rng: random.Random, data: Any) -> str:
    path = rng.choice([p for p in _paths(data) if p and p[-1] in OPTIONAL])
    del _get(data, path[:-1])[path[-1]]
    return f"dropped {path}"


GENTLE = [*TARGETED, *[_score] * 8, *[_weights] * 4, _number, _number, _enum, _enum, *[_drop_optional] * 3]
ROUGH = [*TARGETED, *[_replace] * 6, *[_delete] * 2, *[_graft] * 3, _add_key]
