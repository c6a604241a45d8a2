"""Yesable's domain: the Case and the pure functions of each workflow step.

Nothing in this package imports Streamlit (tests/test_architecture.py enforces it).
"""
