"""Bringing work in from other tools (Trello, Toggl, Clockify, spreadsheets) and out again.

Every import goes the same way: the file is parsed into an ``ImportPlan`` (what would be
added, updated and skipped, and every problem as ``FILE:LINE: reason``), the plan is checked
as a whole, and only a plan without problems is applied, in one labelled transaction: one
undo step takes the whole import back, and a refused import writes nothing.
"""
