"""Local data layer: Peewee models, database opening and schema migrations (no Qt here)."""
