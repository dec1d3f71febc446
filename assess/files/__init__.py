"""Disk and YAML text: reading files safely, writing them atomically, loading and saving cases.

`yaml/` parses untrusted bytes into plain data that remembers where every value
stands, and dumps and patches text so that a saved file differs from the old one
only where the data changed; `reading` bounds every read to the project; `atomic`
and `filelock` replace files without ever leaving a half-written one, one writer
at a time, noticing when someone changed them meanwhile; `casefile` loads, checks
and saves cases and catalogues, with `salvage` and `messages` for what is wrong;
`csv_import`, `merge`, `casecopy`, `documents`, `bundled` and `recovery` do the
rest of what touches the disk.
"""
