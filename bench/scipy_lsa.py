"""SciPy's linear_sum_assignment on a dense cost matrix written by bench/matching.ts.

usage: python3 scipy_lsa.py MATRIX_FILE ROWS COLS
The file holds ROWS x COLS float64 costs (row-major, little-endian). Prints one JSON line: the
seconds spent inside linear_sum_assignment only (reading the file is not timed), the pairs it chose
with a negative cost (an allowed trainee-slot pair), and their total cost.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

path, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cost = np.fromfile(path, dtype="<f8").reshape(rows, cols)
best = None
for _ in range(int(sys.argv[4]) if len(sys.argv) > 4 else 1):
    started = time.perf_counter()
    r, c = linear_sum_assignment(cost)
    seconds = time.perf_counter() - started
    best = seconds if best is None else min(best, seconds)
chosen = cost[r, c]
allowed = chosen < 0
print(json.dumps({"seconds": best, "pairs": int(allowed.sum()), "cost": float(chosen[allowed].sum())}))
