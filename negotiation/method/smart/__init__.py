"""Step 5's method: the criteria of the decently working system, the SMART check, reading a typed
sentence, and templates from the complaints.
"""
