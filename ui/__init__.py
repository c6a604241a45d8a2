"""Layer 4, the Streamlit glue: `common` (the frame every page shares: the case, the screen mode,
saving an edit) and one module per step holding that step's sections. Only this package, app.py and
pages/ import Streamlit.
"""
