"""Comparing views with the exact split: rankings, weights and cells side by side,
and each total's change split into weight and score effects (`views`, `effects`)."""
