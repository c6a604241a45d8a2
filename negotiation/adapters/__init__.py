"""Layer 3, the adapters: store, report (HTML -> PDF), CLI, bench, chart figures, the demo case.

They import the method, the data and the kernel; never Streamlit (but for the bench's page timer).
"""
