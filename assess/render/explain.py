"""Contributions said in a planner's words.

In the additive value model a cost criterion (a 5S constraint, a later risk)
adds w · v to an option's total, v = 1 for no exposure at all: an option
little exposed to a new risk gains from it. Correct, and baffling when a
table says "Hardware sanctions +0.060". So wherever a contribution is named
(the score table, the report, compare) a cost criterion is named by the
exposure it stands for:

- a part of a total: `part_words`, "little exposed to hardware sanctions"
  (v >= 2/3), "moderately exposed to ..." (1/3 <= v < 2/3), "highly exposed to ..."
  (v < 1/3); a benefit criterion by its name ("competence building");
- a column or row of parts: `credit_label`, "Low exposure to later risks";
- a veto that excludes an option: `veto_sentence`, "Sanctions 5 is above the
  veto threshold 4: ..."; a criterion's veto rule: `veto_rule`, "excludes
  above 4";
- a change between two views (`assess.core.compare.effects`): `change_words`,
  by the larger of its score and weight effects: "less exposed to
  sanctions" / "more exposed to sanctions", "little exposed to talent drain
  (new)", "... , weighted more"; "higher on" / "lower on" for a
  benefit criterion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assess.render.fmt import scale, scale_beside

if TYPE_CHECKING:  # annotations only: the UI's first frame imports this module without the model
    from assess.core.scoring import VetoReason

LITTLE, SOME = 2 / 3, 1 / 3
"""Value thresholds of "little exposed" and "moderately exposed" (below: "highly exposed")."""


def lower_first(name: str) -> str:
    """'Hardware sanctions' -> 'hardware sanctions'; 'AI ethics' and 'S&T' keep their capitals."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def exposure(value: float) -> str:
    """How exposed an option is at value `value` (0..1) of a cost criterion."""
    return (
        "little exposed" if value >= LITTLE else "moderately exposed" if value >= SOME else "highly exposed"
    )


def part_words(name: str, cost: bool, value: float) -> str:
    """A criterion's part of an option's total, in words (see the module docstring)."""
    return f"{exposure(value)} to {lower_first(name)}" if cost else lower_first(name)


def credit_label(label: str, cost: bool) -> str:
    """A column or row of contributions: a cost criterion or family as the
    credit for low exposure to it."""
    return f"Low exposure to {lower_first(label)}" if cost else label


def change_words(
    name: str, cost: bool, weight_effect: float, score_effect: float, weights: tuple[float, float]
) -> str:
    """Why a criterion moved an option's total between two views, in words.

    `weights` are the criterion's normalised weights (w_A, w_B), 0 where it
    is absent; the value behind a weight effect is weight_effect / (w_B - w_A)."""
    n = lower_first(name)
    if abs(score_effect) >= abs(weight_effect):
        if cost:
            return f"less exposed to {n}" if score_effect > 0 else f"more exposed to {n}"
        return f"higher on {n}" if score_effect > 0 else f"lower on {n}"
    w_a, w_b = weights
    value = weight_effect / (w_b - w_a) if w_b != w_a else 1.0
    level = part_words(name, cost, value)
    if w_a == 0:
        return f"{level} (new)"
    if w_b == 0:
        return f"{level} (dropped)"
    return f"{level}, weighted {'more' if w_b > w_a else 'less'}"


def veto_sentence(veto: VetoReason) -> str:
    """Why a veto excludes an option, saying which of its modes applied (the
    reason only if given):

    - value: 'Sanctions 5 is above the veto threshold 4: too risky';
    - high: 'Legality could be 4.5 (range 3.5-4.5), above the veto line 3: ...';
    - any_assessor: 'Security: boris scores 4.5, above the veto line 4: ...'.
    """
    side = "above" if veto.above else "below"
    why = f": {veto.reason}" if veto.reason else ""
    line = scale(veto.threshold)
    if veto.applies_to == "high" and veto.range is not None:
        lo, hi = (scale_beside(x, veto.threshold) for x in veto.range)
        could = scale_beside(veto.score, veto.threshold)
        return f"{veto.criterion} could be {could} (range {lo}-{hi}), {side} the veto line {line}{why}"
    if veto.applies_to == "any_assessor" and veto.assessors:
        said = [f"{name} {scale_beside(x, veto.threshold)}" for name, x in veto.assessors[1:]]
        name, x = veto.assessors[0]
        who = " and ".join([f"{name} scores {scale_beside(x, veto.threshold)}", *said])
        return f"{veto.criterion}: {who}, {side} the veto line {line}{why}"
    score = scale_beside(veto.score, veto.threshold)
    return f"{veto.criterion} {score} is {side} the veto threshold {line}{why}"


def direction_words(direction: str) -> str:
    """A criterion's direction ("benefit" or "cost") as a planner reads it."""
    return "higher is better" if direction == "benefit" else "higher is worse"


def veto_rule(cost: bool, threshold: float) -> str:
    """A criterion's veto as a rule: 'excludes above 4' (a cost), 'excludes below 2'."""
    return f"excludes {'above' if cost else 'below'} {scale(threshold)}"


def veto_sentences(vetoes: tuple[VetoReason, ...]) -> tuple[str, ...]:
    return tuple(veto_sentence(v) for v in vetoes)


BASIS_WORDS: dict[str | None, str] = {
    "evidence": "evidence",
    "judgement": "judgement",
    "carried": "carried over",
    "mixed": "mixed (the assessors differ)",
    None: "not stated",
}
"""What a score rests on (`assess.core.basis`), as every output says it."""

BASIS_MARKS: dict[str | None, str] = {"judgement": "°", "carried": "=", "mixed": "°"}
"""The discreet mark after a score, wherever scores are shown side by side
(the score matrix, the compare views): judgement (or the assessors' mixed
bases) °, carried over from the baseline =; evidence and unstated none."""

BASIS_MARK_LEGEND = "° judgement · = carried over"
"""The legend of `BASIS_MARKS`."""


def basis_mark(basis: str | None) -> str:
    return BASIS_MARKS.get(basis, "")


ILLUSTRATIVE = "illustrative weights"
"""Said wherever weights are shown that are an example, not an elicitation."""


def basis_words(basis: str | None) -> str:
    return BASIS_WORDS.get(basis, str(basis))


def basis_summary(counts: tuple[tuple[str | None, int], ...] | dict[str | None, int]) -> str:
    """'12 evidence, 118 judgement, 4 carried over' (the bases of a view's scores)."""
    pairs = counts.items() if isinstance(counts, dict) else counts
    return ", ".join(f"{n} {basis_words(b)}" for b, n in pairs)
