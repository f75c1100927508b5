"""The domain: plain data, money, dates, parsers and rules. No Textual, no TinyDB."""
