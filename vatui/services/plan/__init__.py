"""The season forecast and time off."""
