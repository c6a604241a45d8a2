"""Yesable's domain and its adapters, in layers that only import downwards (docs/architecture.md):
kernel <- data <- method <- adapters. Nothing in this package imports Streamlit, but for the
bench's page timer (pyproject.toml, [tool.importlinter]).
"""
