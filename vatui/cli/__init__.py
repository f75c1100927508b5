"""The command line: the same services, on the same file. Never imports Textual."""
