"""Formula Lens walkthrough: select an array and run
"Formula Lens: Apply Activation to Selection" (Ctrl+Alt+A)."""

# Values around zero, where activations differ the most.
around_zero = [-3.0, -1.0, -0.25, 0.0, 0.25, 1.0, 3.0]

# Large magnitudes, to check numerical stability (softplus, log-sigmoid, softmax).
extremes = [-1000.0, -30.0, 30.0, 1000.0]

# Regression targets and predictions with one outlier: select both for "Compute Loss on Selection".
y_true = [1.0, 2.0, 3.0, 4.0, 5.0]
y_pred = [1.1, 1.9, 3.2, 3.7, 12.0]
