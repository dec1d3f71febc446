"""YAML text: safe loading with positions (`safe`), dumping (`dump`), minimal-diff
patching (`patch`), node spans (`spans`) and the size limits (`limits`)."""
