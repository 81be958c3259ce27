"""PyTorch twin of 05's comparison: RNN, LSTM and GRU on notebook 04's character task, same budget."""
import torch
from torch import nn
import char_completion as cc

torch.set_num_threads(1)


def train(kind, seed, epochs=100):
    chars, stoi, x, y, _, _ = cc.build(seed)
    torch.manual_seed(seed)
    cell = {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU}[kind](len(chars), 12, batch_first=True)
    head = nn.Linear(12, len(chars))
    opt = torch.optim.Adam(list(cell.parameters()) + list(head.parameters()), lr=0.01)
    losses = []
    for _ in range(epochs):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(head(cell(x)[0]).reshape(-1, len(chars)), y.reshape(-1))
        loss.backward()
        opt.step()
        losses.append(loss.item())
    done = []
    with torch.no_grad():
        for prefix in ("good", "hey", "have"):
            text = prefix
            while len(text) < 15:
                ids = torch.tensor([[stoi[c] for c in text]])
                out = cell(nn.functional.one_hot(ids, len(chars)).float())[0]
                text += chars[head(out[0, -1]).argmax().item()]
            done.append(text)
    return losses, done


if __name__ == "__main__":
    for kind in ("RNN", "LSTM", "GRU"):
        for seed in range(3):
            losses, done = train(kind, seed)
            print(kind, seed, "loss@50 %.3f loss@100 %.3f" % (losses[49], losses[99]), done)
