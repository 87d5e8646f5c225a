"""The review engine: the evidence search sequence, criteria, decision, rationale."""
