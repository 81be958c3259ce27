"""PyTorch twin of 01-shapes-and-permutes: every claim its check cells make, verified with real PyTorch."""
import itertools
import torch
from torch import nn

steps = torch.arange(1, 8, dtype=torch.float32)
series = torch.stack([steps, steps + 10], dim=1)
runs = series.unfold(0, 3, 1)
windows = runs.permute(0, 2, 1)[:-1]
assert runs.shape == (5, 2, 3) and windows.shape == (4, 3, 2) and series[3:].shape == (4, 2)
assert torch.equal(windows[1], series[1:4])
time_first = windows.split(2)[0].permute(1, 0, 2)
assert torch.equal(time_first[0], windows[:2, 0])
torch.manual_seed(0)
rnn = nn.RNN(10, 20, 2)
x = torch.randn(5, 3, 10)
h0 = torch.randn(2, 3, 20)
output, h_n = rnn(x, h0)
assert torch.equal(output[-1], h_n[-1]) and not torch.equal(output[-1], h_n[0])
torch.manual_seed(0)
birnn = nn.RNN(10, 20, 2, bidirectional=True)
bo, bh = birnn(x)
assert bo.shape == (5, 3, 40) and bh.shape == (4, 3, 20)
assert torch.equal(bo[-1, :, :20], bh[-2]) and torch.equal(bo[0, :, 20:], bh[-1])
assert not torch.equal(bo[-1, :, 20:], bh[-1])
assert torch.equal(bh.view(2, 2, 3, 20)[1, 0], bh[-2])
torch.manual_seed(0)
bf = nn.RNN(10, 20, 2, batch_first=True)
obf, hbf = bf(x.permute(1, 0, 2), h0)
assert torch.equal(obf, output.permute(1, 0, 2)) and torch.equal(hbf, h_n)
a = torch.arange(12).reshape(2, 3, 2)
assert torch.equal(a.permute(1, 0, 2)[:, 1], a[1]) and not torch.equal(a.reshape(3, 2, 2)[:, 1], a[1])
print("batch_first layers bidirectional | input h0 output h_n")
for bfirst, layers, bi in itertools.product([False, True], [1, 2], [False, True]):
    net = nn.RNN(10, 20, layers, batch_first=bfirst, bidirectional=bi)
    inp = torch.zeros(3, 5, 10) if bfirst else torch.zeros(5, 3, 10)
    o, h = net(inp)
    print(bfirst, layers, bi, "|", tuple(inp.shape), (layers * (2 if bi else 1), 3, 20), tuple(o.shape), tuple(h.shape))
print("parameters nn.RNN(10, 20, 2):", sum(p.numel() for p in rnn.parameters()))
print("all checks hold")
head = nn.Linear(20, 1)
assert torch.equal(head(h_n[-1]), head(output)[-1]), "Linear on h_n[-1] and on output, last step"
print("head check holds")
