"""vatui — the virtual assistant's workspace, in the terminal."""

__version__ = "0.1.0"
