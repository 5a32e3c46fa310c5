"""The test suite: real SQLite, PostgreSQL when available, real HTTP and a real Qt event loop."""
