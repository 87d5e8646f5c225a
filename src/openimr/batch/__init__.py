"""Corpus runs: parse or review many letters and case files, resumable, on local processes or Dask."""
