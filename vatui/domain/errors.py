"""Errors the domain raises on bad input, each with a message fit for the user."""

from __future__ import annotations


class VatuiError(Exception):
    """Base of every error vatui reports to the user as a one-line reason."""


class InputError(VatuiError, ValueError):
    """Input the user typed cannot be understood; the message says why."""


class ParseError(InputError):
    """A date, amount, duration or quick-add text could not be parsed."""


class NotFoundError(VatuiError, LookupError):
    """A record the user named does not exist."""


class RuleError(VatuiError):
    """The request is understood but a business rule forbids it."""
