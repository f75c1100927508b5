"""A believable, seeded demo workspace (``vatui demo-data``, ``vatui --demo``): built on the services."""
