"""PyTorch twin of 02-rnn-from-scratch: the scratch RNN equals nn.RNN, forward and backward."""
import torch
from torch import nn

torch.manual_seed(0)
ih, hh = nn.Linear(10, 20), nn.Linear(20, 20)
x = torch.randn(5, 3, 10)
ref = nn.RNN(10, 20)
with torch.no_grad():
    ih.weight.copy_(ref.weight_ih_l0); ih.bias.copy_(ref.bias_ih_l0)
    hh.weight.copy_(ref.weight_hh_l0); hh.bias.copy_(ref.bias_hh_l0)
h0 = torch.randn(1, 3, 20)
h, states = h0[0], []
for t in range(5):
    h = torch.tanh(ih(x[t]) + hh(h)); states.append(h)
ours = torch.stack(states)
theirs, theirs_h = ref(x, h0)
print("forward output max|expected| %.4g max|diff| %.2e; h_n max|expected| %.4g max|diff| %.2e"
      % (theirs.abs().max(), (ours - theirs).abs().max(), theirs_h.abs().max(), (h - theirs_h[0]).abs().max()))
probe = torch.randn(5, 3, 20)
(ours * probe).mean().backward(); (theirs * probe).mean().backward()   # a mean, as the notebook
for a, b, n in [(ih.weight, ref.weight_ih_l0, "W_ih"), (ih.bias, ref.bias_ih_l0, "b_ih"), (hh.weight, ref.weight_hh_l0, "W_hh"), (hh.bias, ref.bias_hh_l0, "b_hh")]:
    print("grad", n, "max|expected| %.4g max|diff| %.2e" % (b.grad.abs().max(), (a.grad - b.grad).abs().max()))
print("bias grads max|diff| %.2e" % (ih.bias.grad - hh.bias.grad).abs().max())
print("parameters nn.RNN(10, 20, 2):", sum(p.numel() for p in nn.RNN(10, 20, 2).parameters()))
