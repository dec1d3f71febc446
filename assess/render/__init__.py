"""Data to text: every number, table, JSON document and Markdown escape the
commands, reports and the TUI write; `text/` per command, `report/` for reports."""
