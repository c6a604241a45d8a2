"""The report: the agreement HTML and the PDF rendered from it (text, pages, fingerprint)."""
