"""Settings: changing them by key, the theme, the first run."""
