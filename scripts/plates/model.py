"""A small CRNN for plates: a VGG-like CNN folds the 48-px height into one row of 48 steps
(stride 4 over the 192-px width), a bidirectional LSTM reads the row, a linear layer scores the
classes. The exported graph ends in a softmax, so the runtime decodes probabilities directly."""

import torch
from torch import nn

from charset import CHARSET

NUM_CLASSES = len(CHARSET) + 1  # + CTC blank at 0


def conv(cin: int, cout: int, kernel=(3, 3), padding=(1, 1)) -> list[nn.Module]:
    return [nn.Conv2d(cin, cout, kernel, padding=padding, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class PlateCRNN(nn.Module):
    def __init__(self, hidden: int = 128):
        super().__init__()
        self.cnn = nn.Sequential(
            *conv(3, 32), nn.MaxPool2d(2),  # 24 x 96
            *conv(32, 64), *conv(64, 64), nn.MaxPool2d(2),  # 12 x 48
            *conv(64, 128), *conv(128, 128), nn.MaxPool2d((2, 1)),  # 6 x 48
            *conv(128, 192), *conv(192, 192), nn.MaxPool2d((2, 1)),  # 3 x 48
            *conv(192, 256, kernel=(3, 1), padding=(0, 0)),  # 1 x 48
            nn.Dropout(0.1),
        )
        self.rnn = nn.LSTM(256, hidden, bidirectional=True, batch_first=True)
        self.head = nn.Linear(2 * hidden, NUM_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: N x 3 x 48 x 192, normalised; returns logits N x 48 x classes."""
        f = self.cnn(x).squeeze(2).permute(0, 2, 1)
        f, _ = self.rnn(f)
        return self.head(f)


class Exported(nn.Module):
    """What ships: probabilities, N x steps x classes."""

    def __init__(self, model: PlateCRNN):
        super().__init__()
        self.model = model

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.model(x), dim=-1)
