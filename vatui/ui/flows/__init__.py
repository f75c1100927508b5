"""One flow per action, shared by every pane that offers it.

A flow gathers input with a modal (which saves nothing), calls a service through
``app.run_service`` and says what happened. A pane's key action is one call into a flow
(docs/app.md maps each key to its flow): Today and the Board complete, time and edit a
task through ``flows.tasks``; Today, the Board and Clients log a contact through
``flows.clients``; Today and the Ledger remind through ``flows.ledger``. Flows see the app
as ``vatui.ui.pane.PaneHost`` and never import a screen.
"""
