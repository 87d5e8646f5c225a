"""From files to text and structured letters: documents, PDF text, letter formats, case files."""
