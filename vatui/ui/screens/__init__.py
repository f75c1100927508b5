"""One screen per pane, plus the first-run screen."""
