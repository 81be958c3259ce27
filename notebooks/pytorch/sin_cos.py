"""PyTorch twin of 03-sin-cos-prediction: the numbers its prose states, measured with real PyTorch."""
import math
import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)
WINDOW, HIDDEN, EPOCHS, BATCH, SPLIT = 4, 32, 20, 32, 800


def data():
    x = torch.linspace(0, 100, 1000)
    points = torch.stack([torch.sin(x), torch.cos(x)], dim=1)  # (1000, 2)
    inputs = torch.stack([points[i:i + WINDOW] for i in range(len(points) - WINDOW)])  # (996, 4, 2)
    targets = points[WINDOW:]  # (996, 2)
    return points, inputs, targets


class Cell(nn.Module):
    def __init__(self, activation):
        super().__init__()
        self.to_hidden = nn.Linear(HIDDEN + 2, HIDDEN)
        self.to_output = nn.Linear(HIDDEN + 2, 2)
        self.act = activation

    def forward(self, window):  # window (B, 4, 2) -> prediction (B, 2)
        h = torch.zeros(window.shape[0], HIDDEN)
        for t in range(window.shape[1]):
            joined = torch.cat([h, window[:, t]], dim=1)
            y = torch.tanh(self.to_output(joined))
            h = self.act(self.to_hidden(joined))
        return y


def train(seed, activation=torch.tanh):
    points, inputs, targets = data()
    torch.manual_seed(seed)
    model = Cell(activation)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    shuffle = torch.Generator().manual_seed(seed)
    xs, ys = inputs[:SPLIT], targets[:SPLIT]
    history = []
    for epoch in range(EPOCHS):
        order = torch.randperm(SPLIT, generator=shuffle)
        for start in range(0, SPLIT, BATCH):
            idx = order[start:start + BATCH]
            opt.zero_grad()
            loss = nn.functional.mse_loss(model(xs[idx]), ys[idx])
            loss.backward()
            opt.step()
        with torch.no_grad():
            history.append(nn.functional.mse_loss(model(xs), ys).item())
    with torch.no_grad():
        test = nn.functional.mse_loss(model(inputs[SPLIT:]), targets[SPLIT:]).item()
    return model, history, test


if __name__ == "__main__":
    points, inputs, targets = data()
    print("inputs", tuple(inputs.shape), "targets", tuple(targets.shape))
    model, history, test = train(0)
    print("train mse epoch 1, 5, 20:", ["%.3g" % history[i] for i in (0, 4, 19)], "test %.3g" % test)
    ti, tt = inputs[SPLIT:], targets[SPLIT:]
    print("persistence %.3g" % nn.functional.mse_loss(ti[:, -1], tt).item())
    print("linear extrapolation %.3g" % nn.functional.mse_loss(2 * ti[:, -1] - ti[:, -2], tt).item())
    for name, act in [("tanh", torch.tanh), ("relu", torch.relu)]:
        runs = [train(s, act) for s in range(5)]
        tests = [r[2] for r in runs]
        print(name, ["%.3g" % t for t in tests], "median %.3g" % float(np.median(tests)))
        if name == "relu":   # where the chaotic runs part ways with libtorch 2.10 (the notebook's prose)
            for s in (1, 3):
                print("relu seed", s, "training MSE per epoch:", " ".join("%.3g" % v for v in runs[s][1]))
    omega = 100 / 999
    exact = 2 * math.cos(omega) * ti[:, -1] - ti[:, -2]
    print("exact recurrence %.3g" % nn.functional.mse_loss(exact, tt).item())
    # free-running rollout from the first held-out window
    with torch.no_grad():
        window = inputs[SPLIT].clone()
        errors = []
        for k in range(len(points) - SPLIT - WINDOW):
            nxt = model(window[None])[0]
            errors.append((nxt - points[SPLIT + WINDOW + k]).norm().item())
            window = torch.cat([window[1:], nxt[None]])
        print("rollout error after 10,50,100,%d:" % len(errors), ["%.3f" % errors[i - 1] for i in (10, 50, 100, len(errors))])
