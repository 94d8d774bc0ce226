"""Scaled dot-product attention and a multi-label head, with two deliberate misuses."""
import math

import torch
import torch.nn.functional as F


def attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    # Misuse on purpose: softmax without dim picks the dimension implicitly (deprecated).
    weights = F.softmax(scores)
    return weights @ v


def multilabel_loss(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    # Misuse on purpose: the loss applies the sigmoid itself, so this applies it twice.
    return F.binary_cross_entropy_with_logits(torch.sigmoid(logits), targets)
