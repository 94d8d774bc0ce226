"""A PyTorch classifier, a distillation loss and a training loop.

Hover `nn.GELU`, `F.softplus` or a loss class to see the exact PyTorch
semantics; diagnostics point at the misuses marked below.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset


class Classifier(nn.Module):
    """MLP with a residual block."""

    def __init__(self, num_features: int, num_classes: int, hidden: int = 64) -> None:
        super().__init__()
        self.input = nn.Linear(num_features, hidden)
        self.block = nn.Sequential(
            nn.Linear(hidden, hidden),
            nn.GELU(approximate="tanh"),
            nn.Linear(hidden, hidden),
        )
        self.act = nn.LeakyReLU(negative_slope=0.1)
        self.head = nn.Linear(hidden, num_classes)
        # Misuse on purpose: CrossEntropyLoss already applies log_softmax,
        # so a Softmax layer before it squashes the gradients.
        self.probabilities = nn.Softmax(dim=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.act(self.input(x))
        h = h + self.block(h)
        return self.probabilities(self.head(h))


class Distiller(nn.Module):
    """Matches a student's distribution to a teacher's."""

    def __init__(self, temperature: float = 2.0) -> None:
        super().__init__()
        self.temperature = temperature
        # Misuse on purpose: reduction='mean' averages over every element, not
        # over the batch; the mathematically correct choice is 'batchmean'.
        self.kl = nn.KLDivLoss(reduction="mean")

    def forward(self, student_logits: torch.Tensor, teacher_logits: torch.Tensor) -> torch.Tensor:
        t = self.temperature
        log_p = F.log_softmax(student_logits / t, dim=-1)
        q = F.softmax(teacher_logits / t, dim=-1)
        return self.kl(log_p, q) * t * t


def train(epochs: int = 5) -> None:
    torch.manual_seed(0)
    x = torch.randn(256, 8)
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).long() + (x[:, 2] > 1).long()
    loader = DataLoader(TensorDataset(x, y), batch_size=32, shuffle=True)

    model = Classifier(num_features=8, num_classes=3)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)
    regression = nn.SmoothL1Loss(beta=0.5)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)

    for epoch in range(epochs):
        total = 0.0
        for features, labels in loader:
            optimizer.zero_grad()
            scores = model(features)
            loss = criterion(scores, labels)
            loss = loss + 0.1 * regression(scores.sum(dim=1), torch.ones(len(labels)))
            loss.backward()
            optimizer.step()
            total += loss.item() * len(labels)
        print(f"epoch {epoch}: loss {total / len(loader.dataset):.4f}")

    bce = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0]))
    margin = F.hinge_embedding_loss(torch.tensor([0.3, -1.2]), torch.tensor([1.0, -1.0]), margin=1.0)
    print(bce(torch.tensor([0.5]), torch.tensor([1.0])).item(), margin.item())
    print(F.softplus(torch.tensor([-2.0, 0.0, 2.0]), beta=2.0, threshold=20.0))


if __name__ == "__main__":
    train()
