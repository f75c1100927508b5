"""The store: the one owner of TinyDB. Storage, locking, schema, backups, archive."""
