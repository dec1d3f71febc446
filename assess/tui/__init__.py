"""The planner's terminal UI (Textual). Only this package imports Textual.

`assess.tui.app.run_app(paths)` loads the case files, then runs `AssessApp`.
"""
