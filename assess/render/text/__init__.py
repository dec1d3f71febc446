"""What each command prints: its result as a table, JSON, CSV or Markdown, one module per result."""
