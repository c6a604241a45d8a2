"""The house rules: layers, no import cycles, thin pages, catalogs, docs."""
