"""Step 4's method: the analysis of the board, the efficient packages (pareto) and the fair split."""
