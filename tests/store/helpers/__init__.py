"""Writer scripts the store's guarantee tests launch as real subprocesses."""
