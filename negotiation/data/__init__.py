"""Layer 1, the data: the Case and every step's pydantic types and validators.

It imports only the kernel.
"""
