"""The IMR service over HTTP: a JSON API (FastAPI, OpenAPI at /docs) and the reviewer's workbench."""
