"""The bench: `python -m negotiation bench` (`run.run`), the one home of every measurement."""
