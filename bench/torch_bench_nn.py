"""PyTorch twins of bench/RnnLab.Bench/RecurrentBenchmarks.cs: same names, same sizes, same timing rule.

Run alone: /usr/bin/python3 bench/torch_bench_nn.py   (one JSON line per workload, 1 thread)
or add GROUPS to torch_bench.py's registry (import this module at the end of torch_bench.py; this
module imports nothing from it, so there is no import cycle). Training workloads turn gradients on
inside the timed action, because the shared runner times everything under torch.no_grad().
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)


def seconds_per_run(run):
    """Best time per run over 5 batches of >= 0.1 s, after a 0.3 s warm-up: the rule of Workload.SecondsPerRun."""
    start = time.perf_counter()
    warm = 0
    while time.perf_counter() - start < 0.3 or warm < 3:
        run()
        warm += 1
    per_run = (time.perf_counter() - start) / warm
    batch = max(1, int(0.1 / per_run))
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(batch):
            run()
        best = min(best, (time.perf_counter() - t0) / batch)
    return best


def train_step(kind, input_size, hidden_size, layers, batch, steps):
    torch.manual_seed(1)
    stack = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[kind](input_size, hidden_size, layers)
    head = nn.Linear(hidden_size, 1)
    optimizer = torch.optim.Adam(list(stack.parameters()) + list(head.parameters()), lr=1e-3)
    criterion = nn.MSELoss()
    x, y = torch.randn(steps, batch, input_size), torch.randn(batch, 1)

    def run():
        with torch.enable_grad():
            optimizer.zero_grad()
            output = stack(x)[0]
            loss = criterion(head(output[-1]), y)
            loss.backward()
            optimizer.step()
    return run


def article4_training():
    text = ["hey how are you", "good i am fine", "have a nice day"]
    chars = sorted(set("".join(text)))
    length = max(len(t) for t in text)
    text = [t.ljust(length) for t in text]
    steps, dict_size = length - 1, len(chars)
    x = torch.zeros(len(text), steps, dict_size)
    for i, t in enumerate(text):
        for s in range(steps):
            x[i, s, chars.index(t[s])] = 1
    y = torch.tensor([chars.index(t[s + 1]) for t in text for s in range(steps)])

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = nn.RNN(dict_size, 12, 1, batch_first=True)
            self.fc = nn.Linear(12, dict_size)

        def forward(self, inp):
            out, _ = self.rnn(inp, torch.zeros(1, inp.size(0), 12))
            return self.fc(out.contiguous().view(-1, 12))

    def run():
        with torch.enable_grad():
            torch.manual_seed(0)
            model = Model()
            criterion = nn.CrossEntropyLoss()
            optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
            for _ in range(100):
                optimizer.zero_grad()
                loss = criterion(model(x), y)
                loss.backward()
                optimizer.step()
    return run


def article3_training():
    from torch.utils.data import DataLoader, TensorDataset
    points = np.linspace(0, 100, 1000)
    data = np.stack([np.sin(points), np.cos(points)], axis=1)
    window = 4
    xs = torch.tensor(np.array([data[i:i + window] for i in range(len(data) - window)])).float()
    ys = torch.tensor(np.array([data[i] for i in range(window, len(data))])).float()

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.get_ht = nn.Linear(34, 32)
            self.get_yt = nn.Linear(34, 2)

        def forward(self, hiddens, inputs):
            joined = torch.cat((hiddens, inputs), dim=1)
            return torch.tanh(self.get_ht(joined)), torch.tanh(self.get_yt(joined))

    def run():
        with torch.enable_grad():
            torch.manual_seed(0)
            model = Cell()
            loader = DataLoader(TensorDataset(xs, ys), batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(1))
            criterion = nn.MSELoss()
            optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
            for _ in range(20):
                for bx, by in loader:
                    optimizer.zero_grad()
                    hidden = torch.zeros(bx.size(0), 32)
                    for t in range(window):
                        hidden, out = model(hidden, bx[:, t, :])
                    loss = criterion(out, by)
                    loss.backward()
                    optimizer.step()
    return run


def recurrent():
    torch.manual_seed(0)
    rnn = nn.RNN(10, 20, 2)
    sequence = torch.randn(5, 3, 10)

    def forward():
        with torch.no_grad():
            rnn(sequence)
    yield "recurrent", "rnn(10,20,2) fwd (5,3,10)", 0, forward
    yield "recurrent", "article4 train 100 epochs", 0, article4_training()
    yield "recurrent", "article3 train 20 epochs", 0, article3_training()
    yield "recurrent", "rnn train 64/128/1 b32 T50", 0, train_step("rnn", 64, 128, 1, 32, 50)
    yield "recurrent", "rnn train 64/256/2 b32 T100", 0, train_step("rnn", 64, 256, 2, 32, 100)
    yield "recurrent", "rnn train 128/512/2 b64 T100", 0, train_step("rnn", 128, 512, 2, 64, 100)
    yield "recurrent", "lstm train 64/256/2 b32 T100", 0, train_step("lstm", 64, 256, 2, 32, 100)
    yield "recurrent", "gru train 64/256/2 b32 T100", 0, train_step("gru", 64, 256, 2, 32, 100)


GROUPS = {"recurrent": recurrent}


def main(argv):
    wanted = [a for a in argv if a != "all"] or list(GROUPS)
    for name in wanted:
        for group, label, flops, run in GROUPS[name]():
            seconds = seconds_per_run(run)
            print(json.dumps({"group": group, "name": label, "seconds": seconds,
                              "gflops": flops / seconds / 1e9 if flops else 0}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
