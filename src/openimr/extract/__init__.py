"""From case text to structured facts: what is requested, and what the record documents."""
