"""Today: the triage of a day across every client (tasks, clients, money)."""
