"""Keras 3 classifiers for a small tabular data set.

Hover an activation or a loss to see its formula and Keras semantics; the
CodeLens above `compile` evaluates the configured loss on sample values.
"""
import keras
from keras import layers, losses, ops


def build_multiclass(num_features: int, num_classes: int) -> keras.Model:
    """A 3-layer MLP that outputs class probabilities."""
    inputs = keras.Input(shape=(num_features,))
    x = layers.Dense(64, activation="relu")(inputs)
    x = layers.Dropout(0.2)(x)
    x = layers.Dense(32, activation="gelu")(x)
    x = layers.LeakyReLU(negative_slope=0.2)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs, name="multiclass")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss=losses.CategoricalCrossentropy(label_smoothing=0.1),
        metrics=["accuracy"],
    )
    return model


def build_binary(num_features: int) -> keras.Model:
    """Binary classifier.

    Misuse on purpose: softmax over a single unit always outputs 1.0, so the
    model never learns. It should be `activation="sigmoid"`.
    """
    model = keras.Sequential(
        [
            keras.Input(shape=(num_features,)),
            layers.Dense(16, activation="selu"),
            layers.Dense(1, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_regressor(num_features: int) -> keras.Model:
    """Robust regression with a Huber loss and a smooth activation."""
    model = keras.Sequential(
        [
            keras.Input(shape=(num_features,)),
            layers.Dense(32, activation="swish"),
            layers.Dense(32, activation="elu"),
            layers.Dense(1),
        ]
    )
    model.compile(optimizer="sgd", loss=losses.Huber(delta=1.5), metrics=["mae"])
    return model


def logits_model(num_features: int, num_classes: int) -> keras.Model:
    """Outputs raw logits: the loss must be told so with from_logits=True."""
    model = keras.Sequential([keras.Input(shape=(num_features,)), layers.Dense(num_classes)])
    model.compile(
        optimizer="rmsprop",
        loss=losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    return model


if __name__ == "__main__":
    model = build_multiclass(num_features=8, num_classes=3)
    y_true = ops.convert_to_tensor([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    y_pred = ops.convert_to_tensor([[0.1, 0.8, 0.1], [0.6, 0.3, 0.1]])
    print(float(losses.categorical_crossentropy(y_true, y_pred).numpy().mean()))
    print(keras.activations.hard_sigmoid(ops.convert_to_tensor([-3.0, 0.0, 3.0])))
