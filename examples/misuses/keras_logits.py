"""A Keras classifier whose last layer already applies softmax, compiled with a loss told
to expect logits: a deliberate misuse (the softmax is applied twice)."""
import keras
from keras import layers, losses


def build(num_features: int, num_classes: int) -> keras.Model:
    model = keras.Sequential(
        [
            keras.Input(shape=(num_features,)),
            layers.Dense(32, activation="relu"),
            layers.Dense(num_classes, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss=losses.SparseCategoricalCrossentropy(from_logits=True))
    return model
