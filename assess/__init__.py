"""assess: a structured-decision toolkit for partnership assessment.

The package root stays import-light: the CLI imports what each command needs.
"""

__version__ = "0.1.0"
