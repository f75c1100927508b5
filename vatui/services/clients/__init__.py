"""The client book: clients, their fields and language, notes, the contact log, status reports."""
