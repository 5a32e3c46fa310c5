"""Qt widgets, table models and dialogs; slots call services in desktop/ and show the result."""
