"""The command line, run as `python -m negotiation`: exit codes and sentences."""
