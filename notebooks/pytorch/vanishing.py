"""PyTorch twin of 05-vanishing-gradients-lstm-gru: the numbers its prose states, measured with real PyTorch."""
import math
import torch
from torch import nn

torch.set_num_threads(1)
T, H, I = 60, 16, 4


def orthogonal(n, gen):
    """Gram-Schmidt on a Gaussian matrix: every eigenvalue has modulus 1."""
    a = torch.randn(n, n, generator=gen)
    q = []
    for i in range(n):
        v = a[:, i].clone()
        for u in q:
            v = v - (v @ u) * u
        q.append(v / v.norm())
    return torch.stack(q, dim=1)


def grad_norms(cell_kind, rho=None, nonlinearity="tanh", seed=0):
    torch.manual_seed(seed)
    if cell_kind == "rnn":
        model = nn.RNN(I, H, nonlinearity=nonlinearity)
        if rho is not None:
            with torch.no_grad():
                model.weight_hh_l0.copy_(rho * orthogonal(H, torch.Generator().manual_seed(seed)))
    elif cell_kind == "lstm":
        model = nn.LSTM(I, H)
    else:
        model = nn.GRU(I, H)
    x = torch.randn(T, 1, I, generator=torch.Generator().manual_seed(100 + seed)).requires_grad_()
    out = model(x)[0]
    out[-1].sum().backward()
    return x.grad[:, 0].norm(dim=1)


if __name__ == "__main__":
    for rho in (0.5, 0.9, 1.0, 1.5):
        g = grad_norms("rnn", rho)
        print("rho", rho, "t=0 %.2e t=30 %.2e t=59 %.2e" % (g[0], g[30], g[59]))
    for kind in ("rnn", "lstm", "gru"):
        g = grad_norms(kind)
        print(kind, "default init t=0 %.2e t=30 %.2e t=59 %.2e" % (g[0], g[30], g[59]))
    g = grad_norms("rnn", 1.5, "relu")
    print("relu rho 1.5 t=0 %.2e t=59 %.2e" % (g[0], g[59]))
