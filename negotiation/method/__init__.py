"""Layer 2, the method: each step's pure analysis, and the numbers the charts draw.

It imports only the data and the kernel.
"""
