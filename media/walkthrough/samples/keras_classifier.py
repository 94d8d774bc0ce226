"""Formula Lens walkthrough: hover an activation or a loss to see its formula,
its chart and the exact Keras semantics."""
import keras
from keras import layers, losses


def build_multiclass(num_features: int, num_classes: int) -> keras.Model:
    """A 3-layer MLP that outputs class probabilities."""
    inputs = keras.Input(shape=(num_features,))
    x = layers.Dense(64, activation="relu")(inputs)
    x = layers.Dense(32, activation="gelu")(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs, name="multiclass")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss=losses.CategoricalCrossentropy(label_smoothing=0.1),
        metrics=["accuracy"],
    )
    return model
