"""Reading and writing the YAML files users keep: safely, atomically, with small diffs.

`yamlsafe` parses untrusted bytes into plain data and remembers where every
value stands; `yamlwrite` dumps and patches text so that a saved file differs
from the old one only where the data changed; `atomic` replaces files without
ever leaving a half-written one and notices when someone changed them meanwhile.
"""
