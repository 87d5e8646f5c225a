"""Final Determination Letters: text, HTML and PDF from a case and its determinations."""
