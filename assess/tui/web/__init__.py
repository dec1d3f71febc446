"""The browser side of `assess serve`: access rules, the page, the guarded server
and one app process per tab."""
