"""Modals: they return a typed value with dismiss() and save nothing."""
