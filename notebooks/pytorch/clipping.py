"""PyTorch twin of 05's clipping demo: a ReLU RNN whose W_hh has spectral radius 1.5, trained by SGD with and without clipping."""
import torch
from torch import nn
from vanishing import orthogonal

torch.set_num_threads(1)


def run(clip, steps=20, lr=0.01):
    torch.manual_seed(0)
    model = nn.RNN(4, 16, nonlinearity="relu")
    with torch.no_grad():
        model.weight_hh_l0.copy_(1.5 * orthogonal(16, torch.Generator().manual_seed(0)))
    x = torch.randn(60, 8, 4, generator=torch.Generator().manual_seed(1))
    target = torch.randn(8, 16, generator=torch.Generator().manual_seed(2)) * 0.1
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    losses, norms = [], []
    for _ in range(steps):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(x)[0][-1], target)
        loss.backward()
        norms.append(nn.utils.clip_grad_norm_(model.parameters(), clip if clip else float("inf")).item())
        opt.step()
        losses.append(loss.item())
    return losses, norms


for clip in (None, 1.0):
    losses, norms = run(clip)
    print("clip", clip, "loss", ["%.3g" % l for l in losses[:6]], "...", "%.3g" % losses[-1], "norm0 %.3g" % norms[0])
