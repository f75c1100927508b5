"""Tasks: add, edit, move, complete; the board, checklists, the timer and the time log."""
