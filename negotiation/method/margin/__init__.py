"""Step 6's method: the margin and the zone of possible agreement, and the starter set of standards."""
