"""Aggregation methods: pure NumPy kernels, each with an explain form.

Each kernel takes `matrix` (n options x m criteria), `weights` (m, non-negative,
normalised inside) and `cost` (m booleans, True where lower is better) and
returns one score per option; see `registry.METHODS` for which matrix each
method takes ("values" or "raw") and which way its scores point.
"""

from __future__ import annotations

from assess.kernels.methods.agreement import Agreement, agreement, kendall_tau_b, tau_matrix
from assess.kernels.methods.errors import MethodError
from assess.kernels.methods.promethee import (
    Preference,
    PrometheeExplanation,
    parse_preferences,
    promethee,
    promethee_explain,
)
from assess.kernels.methods.registry import METHODS, MethodSpec, Param, WsmExplanation, get_method
from assess.kernels.methods.topsis import TopsisExplanation, topsis, topsis_explain
from assess.kernels.methods.vikor import VikorExplanation, vikor, vikor_explain
from assess.kernels.methods.wpm import WpmExplanation, wpm, wpm_explain
from assess.kernels.methods.wsm import normalise_weights, wsm, wsm_contributions

__all__ = [
    "METHODS",
    "Agreement",
    "MethodError",
    "MethodSpec",
    "Param",
    "Preference",
    "PrometheeExplanation",
    "TopsisExplanation",
    "VikorExplanation",
    "WpmExplanation",
    "WsmExplanation",
    "agreement",
    "get_method",
    "kendall_tau_b",
    "normalise_weights",
    "parse_preferences",
    "promethee",
    "promethee_explain",
    "tau_matrix",
    "topsis",
    "topsis_explain",
    "vikor",
    "vikor_explain",
    "wpm",
    "wpm_explain",
    "wsm",
    "wsm_contributions",
]
