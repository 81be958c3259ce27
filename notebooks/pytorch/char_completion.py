"""PyTorch twin of 04-character-completion: the numbers its prose states, measured with real PyTorch."""
import math
import torch
from torch import nn

torch.set_num_threads(1)
SENTENCES = ["hey how are you", "good i am fine", "have a nice day"]


def build(seed):
    torch.manual_seed(seed)
    chars = sorted(set("".join(SENTENCES)))
    stoi = {c: i for i, c in enumerate(chars)}
    width = max(len(s) for s in SENTENCES)
    padded = [s.ljust(width) for s in SENTENCES]
    x_ids = torch.tensor([[stoi[c] for c in s[:-1]] for s in padded])
    y_ids = torch.tensor([[stoi[c] for c in s[1:]] for s in padded])
    x = nn.functional.one_hot(x_ids, len(chars)).float()
    rnn = nn.RNN(len(chars), 12, batch_first=True)
    head = nn.Linear(12, len(chars))
    return chars, stoi, x, y_ids, rnn, head


def train(seed, epochs=100, verbose=False):
    chars, stoi, x, y, rnn, head = build(seed)
    opt = torch.optim.Adam(list(rnn.parameters()) + list(head.parameters()), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    losses = []
    for epoch in range(epochs):
        opt.zero_grad()
        out, _ = rnn(x)
        logits = head(out).reshape(-1, len(chars))
        loss = loss_fn(logits, y.reshape(-1))
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return chars, stoi, rnn, head, losses, x, y


def complete(chars, stoi, rnn, head, prefix, length=15):
    text = prefix
    with torch.no_grad():
        while len(text) < length:
            ids = torch.tensor([[stoi[c] for c in text]])
            out, _ = rnn(nn.functional.one_hot(ids, len(chars)).float())
            text += chars[head(out[0, -1]).argmax().item()]
    return text


if __name__ == "__main__":
    chars, stoi, rnn, head, losses, x, y = train(0)
    print("vocab", repr("".join(chars)), len(chars), "ln V", math.log(len(chars)))
    print("losses 1,10,50,100:", [round(losses[i], 4) for i in (0, 9, 49, 99)])
    for p in ["good", "hey", "have", "h", "how"]:
        print(repr(p), "->", repr(complete(chars, stoi, rnn, head, p)))
    with torch.no_grad():
        out, _ = rnn(x)
        logits = head(out)
        probs = logits.softmax(-1)
        print("P(e|h)=%.3f P(a|h)=%.3f" % (probs[0, 0, stoi["e"]], probs[0, 0, stoi["a"]]))
        per_pos = nn.functional.cross_entropy(logits.reshape(-1, len(chars)), y.reshape(-1), reduction="none").reshape(3, 14)
        print("per-position loss row hey:", [round(v, 2) for v in per_pos[0].tolist()])
        print("saturated |h|>0.95:", (out.abs() > 0.95).float().mean().item())
    for seed in range(5):
        c, s, r, h, l, _, _ = train(seed)
        print("seed", seed, "final", round(l[-1], 4), [complete(c, s, r, h, p) for p in ["good", "hey", "have"]])

    # Temperature samples exactly as the notebook draws them: torch.multinomial on softmax(logits / T)
    # (float32), one draw per character from a generator seeded with 0 per temperature.
    chars, stoi, rnn, head, losses, x, y = train(0)

    def sample(prefix, temperature, gen, length=15):
        text = prefix
        with torch.no_grad():
            while len(text) < length:
                ids = torch.tensor([[stoi[c] for c in text]])
                logits = head(rnn(nn.functional.one_hot(ids, len(chars)).float())[0][0, -1])
                p = torch.softmax(logits / temperature, 0)
                text += chars[torch.multinomial(p, 1, generator=gen).item()]
        return text

    for t in (0.5, 1.0, 2.0):
        gen = torch.Generator().manual_seed(0)
        print("T", t, [sample("h", t, gen) for _ in range(4)])
