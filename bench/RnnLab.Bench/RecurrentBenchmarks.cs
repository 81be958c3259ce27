using RnnLab.Torch;
using RnnLab.Torch.Modules;
using static RnnLab.Torch.torch;

namespace RnnLab.Bench;

/// <summary>
/// The recurrent workloads of issue 4, each a named action timed by the bench registry; bench/torch_bench_nn.py
/// holds the PyTorch twins with the same names. Training runs include forward, loss, backward and the optimizer step.
/// </summary>
public static class RecurrentBenchmarks
{
    /// <summary>The group name on the bench command line.</summary>
    public const string Group = "recurrent";

    /// <summary>The workloads; inputs and models are built here, outside the timed actions.</summary>
    public static IEnumerable<(string Name, Action Run)> Create()
    {
        manual_seed(0);
        var rnn = nn.RNN(10, 20, 2);
        Tensor sequence = randn(5, 3, 10);
        yield return ("rnn(10,20,2) fwd (5,3,10)", () =>
        {
            using var _ = no_grad();
            rnn.call(sequence);
        });
        yield return ("article4 train 100 epochs", Article4Training());
        yield return ("article3 train 20 epochs", Article3Training());
        yield return ("rnn train 64/128/1 b32 T50", TrainStep("rnn", 64, 128, 1, 32, 50));
        yield return ("rnn train 64/256/2 b32 T100", TrainStep("rnn", 64, 256, 2, 32, 100));
        yield return ("rnn train 128/512/2 b64 T100", TrainStep("rnn", 128, 512, 2, 64, 100));
        yield return ("lstm train 64/256/2 b32 T100", TrainStep("lstm", 64, 256, 2, 32, 100));
        yield return ("gru train 64/256/2 b32 T100", TrainStep("gru", 64, 256, 2, 32, 100));
    }

    /// <summary>One training step: sequence (T, B, input) through the stack, Linear head on the last step, MSE, backward, Adam.</summary>
    private static Action TrainStep(string kind, int inputSize, int hiddenSize, int layers, int batch, int steps)
    {
        manual_seed(1);
        nn.Module stack = kind switch
        {
            "lstm" => nn.LSTM(inputSize, hiddenSize, layers),
            "gru" => nn.GRU(inputSize, hiddenSize, layers),
            _ => nn.RNN(inputSize, hiddenSize, layers),
        };
        var head = nn.Linear(hiddenSize, 1);
        var optimizer = optim.Adam(stack.parameters().Concat(head.parameters()), lr: 1e-3);
        var criterion = nn.MSELoss();
        Tensor x = randn(steps, batch, inputSize), y = randn(batch, 1);
        return () =>
        {
            optimizer.zero_grad();
            Tensor output = stack switch
            {
                LSTM lstm => lstm.call(x).Item1,
                GRU gru => gru.call(x).Item1,
                RNN plain => plain.call(x).Item1,
                _ => throw new InvalidOperationException(kind),
            };
            Tensor loss = criterion.call(head.call(output.select(0, -1)), y);
            loss.backward();
            optimizer.step();
        };
    }

    private sealed class CharacterModel : nn.Module<Tensor, Tensor>
    {
        private readonly RNN rnn;
        private readonly Linear fc;

        public CharacterModel(long dictSize) : base("Model")
        {
            rnn = nn.RNN(dictSize, 12, 1, batchFirst: true);
            fc = nn.Linear(12, dictSize);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            var (output, _) = rnn.call(input, LocalTensorOps.Zeros([1, input.size(0), 12]));
            return fc.call(output.reshape(-1, 12));
        }
    }

    /// <summary>Article 4: the character RNN, 100 full-batch epochs of CrossEntropy + Adam(0.01).</summary>
    private static Action Article4Training()
    {
        string[] text = ["hey how are you", "good i am fine", "have a nice day"];
        char[] chars = text.SelectMany(t => t).Distinct().Order().ToArray();
        int length = text.Max(t => t.Length);
        text = text.Select(t => t.PadRight(length)).ToArray();
        int steps = length - 1, dictSize = chars.Length;
        var oneHot = new float[text.Length * steps * dictSize];
        var targets = new long[text.Length * steps];
        for (int i = 0; i < text.Length; i++)
            for (int t = 0; t < steps; t++)
            {
                oneHot[(i * steps + t) * dictSize + Array.IndexOf(chars, text[i][t])] = 1f;
                targets[i * steps + t] = Array.IndexOf(chars, text[i][t + 1]);
            }
        Tensor x = Tensor.FromContiguous(oneHot, [text.Length, steps, dictSize]);
        Tensor y = Tensor.FromContiguous(targets, [targets.Length]);
        return () =>
        {
            manual_seed(0);
            var model = new CharacterModel(dictSize);
            var criterion = nn.CrossEntropyLoss();
            var optimizer = optim.Adam(model.parameters(), lr: 0.01);
            for (int epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                Tensor loss = criterion.call(model.call(x), y);
                loss.backward();
                optimizer.step();
            }
        };
    }

    private sealed class SinCosCell : nn.Module<Tensor, Tensor, (Tensor, Tensor)>
    {
        private readonly Linear get_ht;
        private readonly Linear get_yt;

        public SinCosCell() : base("RNN")
        {
            get_ht = nn.Linear(34, 32);
            get_yt = nn.Linear(34, 2);
            RegisterComponents();
        }

        public override (Tensor, Tensor) forward(Tensor hiddens, Tensor inputs)
        {
            Tensor joined = torch.cat([hiddens, inputs], 1);
            return (nn.functional.tanh(get_ht.call(joined)), nn.functional.tanh(get_yt.call(joined)));
        }
    }

    /// <summary>Article 3: the sin/cos cell over windows of 4 points, batch 32 shuffled, MSE on the last step, Adam(0.01), 20 epochs.</summary>
    private static Action Article3Training()
    {
        const int points = 1000, window = 4;
        var data = new float[points * 2];
        for (int i = 0; i < points; i++)
        {
            double x = 100.0 * i / (points - 1);
            data[2 * i] = (float)Math.Sin(x);
            data[2 * i + 1] = (float)Math.Cos(x);
        }
        int samples = points - window;
        var inputs = new float[samples * window * 2];
        var targets = new float[samples * 2];
        for (int i = 0; i < samples; i++)
        {
            Array.Copy(data, 2 * i, inputs, i * window * 2, window * 2);
            Array.Copy(data, 2 * (i + window), targets, 2 * i, 2);
        }
        Tensor xs = Tensor.FromContiguous(inputs, [samples, window, 2]), ys = Tensor.FromContiguous(targets, [samples, 2]);
        return () =>
        {
            manual_seed(0);
            var model = new SinCosCell();
            var loader = utils.data.DataLoader(utils.data.TensorDataset(xs, ys), 32, shuffle: true, generator: new Generator().manual_seed(1));
            var criterion = nn.MSELoss();
            var optimizer = optim.Adam(model.parameters(), lr: 0.01);
            for (int epoch = 0; epoch < 20; epoch++)
                foreach (var (bx, by) in loader)
                {
                    optimizer.zero_grad();
                    Tensor hidden = LocalTensorOps.Zeros([bx.size(0), 32]), output = hidden;
                    for (int t = 0; t < window; t++) (hidden, output) = model.call(hidden, bx.select(1, t));
                    Tensor loss = criterion.call(output, by);
                    loss.backward();
                    optimizer.step();
                }
        };
    }
}
