"""The one `Robustness` type: a view's weight stability, tornado bars and SMAA
results keyed by id (`analysis`), on the kernels of `assess.kernels.robustness`."""
