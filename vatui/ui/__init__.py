"""The Textual app: screens, widgets, modals and commands. Calls services only."""
