"""Sample arrays: select one (or a pair) and run a Formula Lens command from the
command palette to apply an activation or a loss to the selected values."""

# A batch of logits for 3 classes.
logits = [[2.0, 1.0, 0.1], [0.5, 2.5, 0.3], [-1.2, 0.0, 4.1]]

# One-hot targets and class indices for the same batch.
one_hot = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
class_indices = [0, 1, 2]

# Values around zero, where activations differ the most.
around_zero = [-3.0, -1.0, -0.25, 0.0, 0.25, 1.0, 3.0]

# Large magnitudes, to check numerical stability (softplus, log-sigmoid, softmax).
extremes = [-1000.0, -30.0, 30.0, 1000.0]

# Probabilities and binary labels, including the edges 0 and 1.
probabilities = [0.0, 0.05, 0.5, 0.95, 1.0]
binary_labels = [0, 0, 1, 1, 1]

# Regression targets and predictions with one outlier.
y_true = [1.0, 2.0, 3.0, 4.0, 5.0]
y_pred = [1.1, 1.9, 3.2, 3.7, 12.0]

# Points to train on: select both lines, then in the Playground's Training tab choose
# "Array literal selected in the editor" (X holds the features of each point, y its class).
X = [[-2.0, -1.5], [-1.0, -2.5], [-2.5, 1.0], [-1.5, 2.0], [1.5, 2.5], [2.0, 1.0], [1.0, -2.0], [2.5, -1.5]]
y = [0, 0, 1, 1, 0, 0, 1, 1]
