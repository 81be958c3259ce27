"""PyTorch twin of 05's clipping demo: a ReLU RNN whose W_hh has spectral radius rho, trained by SGD
(lr 0.05, 30 steps, 40 time steps) with and without clip_grad_norm_(1.0)."""
import torch
from torch import nn
from vanishing import orthogonal

torch.set_num_threads(1)


def run(rho, clip, steps=30, lr=0.05, T=40):
    torch.manual_seed(0)
    model = nn.RNN(4, 16, nonlinearity="relu")
    with torch.no_grad():
        model.weight_hh_l0.copy_(rho * orthogonal(16, torch.Generator().manual_seed(0)))
    x = torch.randn(T, 8, 4, generator=torch.Generator().manual_seed(1))
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


if __name__ == "__main__":
    for rho in (1.2, 1.0):
        for clip in (None, 1.0):
            losses, norms = run(rho, clip)
            print("rho", rho, "clip", clip, "norm at step 1 %.4g" % norms[0],
                  "loss at steps 1, 2, 5, 30:", ["%.4g" % losses[i] for i in (0, 1, 4, 29)])
