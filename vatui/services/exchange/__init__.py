"""Bringing work in and taking it out: calendar, spreadsheet and other exchange formats."""
