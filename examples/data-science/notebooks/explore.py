"""A first look at a CSV file: shape, column types and a summary."""
import sys

import pandas as pd

frame = pd.read_csv(sys.argv[1])
print(frame.shape)
print(frame.dtypes)
print(frame.describe())
