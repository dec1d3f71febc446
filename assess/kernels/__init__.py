"""Pure NumPy kernels on arrays and indices; never a Case."""
