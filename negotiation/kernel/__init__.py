"""Layer 0, the kernel: base types, errors, translation and locale formatting, the palette.

Every layer may import it; it imports nothing else of the project.
"""
