"""Widgets: they post messages, never touch storage."""
