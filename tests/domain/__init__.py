"""Layer 0-2: the kernel, the data and the method, as plain functions; no Streamlit, no store."""
