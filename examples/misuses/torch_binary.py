"""A PyTorch binary classifier with a deliberate misuse that Formula Lens warns about.

The model returns raw scores (there is no sigmoid anywhere), but `nn.BCELoss` expects
probabilities in [0, 1]. The quick fix switches to `nn.BCEWithLogitsLoss`, which applies
the sigmoid itself, in a numerically stable way.
"""
import torch
import torch.nn as nn


class Scorer(nn.Module):
    """Scores each sample; a positive score means class 1."""

    def __init__(self, num_features: int) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(num_features, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(-1)


def train_step(model: Scorer, x: torch.Tensor, y: torch.Tensor, optimizer: torch.optim.Optimizer) -> float:
    # Misuse on purpose: BCELoss on raw scores.
    criterion = nn.BCELoss()
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()
