"""Agreement of the engine with real reviewers' decisions."""
