using RnnLab.Torch.Modules;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>The Module base: registration by field name, PyTorch's dotted names, state_dict round trips and errors, modes, printing.</summary>
public class ModuleTests
{
    private sealed class CharModel : nn.Module<Tensor, Tensor>
    {
        private readonly RNN rnn;
        private readonly Linear fc;
        private readonly Tensor scale = nn.Parameter(LocalTensorOps.Zeros([1]));
        private readonly Tensor counter = LocalTensorOps.Zeros([2]);

        public CharModel() : base(nameof(CharModel))
        {
            rnn = nn.RNN(5, 4, batchFirst: true);
            fc = nn.Linear(4, 5);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            var (output, _) = rnn.call(input);
            return fc.call(output);
        }

        public Tensor Counter => counter;
        public Tensor Scale => scale;
    }

    [Fact]
    public void RegisterComponents_UsesFieldNames_InDeclarationOrder()
    {
        var model = new CharModel();
        Assert.Equal(["scale", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "fc.weight", "fc.bias"],
            model.named_parameters().Select(p => p.name));
        Assert.Equal(["rnn", "fc"], model.named_children().Select(c => c.name));
        Assert.Equal(["scale", "counter", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "fc.weight", "fc.bias"],
            model.state_dict().Keys);
        Assert.Same(model.Counter, model.named_buffers().Single().buffer);
    }

    [Fact]
    public void Recurrent_ParameterNames_FollowPyTorch()
    {
        var rnn = nn.RNN(3, 4, 2, bidirectional: true);
        Assert.Equal(["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                      "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
                      "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
                      "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse"],
            rnn.named_parameters().Select(p => p.name));
        Assert.Equal([4L, 8L], rnn.get_parameter("weight_ih_l1")!.shape);
        Assert.Equal([16L, 4L], nn.LSTM(3, 4).get_parameter("weight_hh_l0")!.shape);
        Assert.Equal([12L], nn.GRU(3, 4).get_parameter("bias_hh_l0")!.shape);
        Assert.Equal(["weight_ih", "weight_hh"], nn.GRUCell(3, 4, bias: false).named_parameters().Select(p => p.name));
    }

    [Fact]
    public void LoadStateDict_CopiesInPlace_AndListsEveryProblem()
    {
        var source = new CharModel();
        var target = new CharModel();
        Tensor weightBefore = target.get_parameter("fc.weight")!;
        target.load_state_dict(source.state_dict());
        Assert.Same(weightBefore, target.get_parameter("fc.weight"));
        Assert.Equal(source.get_parameter("fc.weight")!.ToFloatArray(), weightBefore.ToFloatArray());

        var broken = source.state_dict();
        broken.Remove("fc.bias");
        broken["extra"] = LocalTensorOps.Zeros([1]);
        broken["rnn.weight_ih_l0"] = LocalTensorOps.Zeros([4, 7]);
        var error = Assert.Throws<InvalidOperationException>(() => target.load_state_dict(broken));
        Assert.Contains("Missing key(s) in state_dict: \"fc.bias\"", error.Message);
        Assert.Contains("Unexpected key(s) in state_dict: \"extra\"", error.Message);
        Assert.Contains("size mismatch for rnn.weight_ih_l0: copying a param with shape [4, 7] from checkpoint, the shape in current model is [4, 5].", error.Message);

        broken["rnn.weight_ih_l0"] = LocalTensorOps.Zeros([4, 5]);
        var (missing, unexpected) = target.load_state_dict(broken, strict: false);
        Assert.Equal(["fc.bias"], missing);
        Assert.Equal(["extra"], unexpected);
    }

    [Fact]
    public void TrainEval_Recurse_AndZeroGradClears()
    {
        var model = new CharModel();
        model.eval();
        Assert.All(model.modules(), m => Assert.False(m.training));
        model.train();
        Assert.All(model.modules(), m => Assert.True(m.training));
        foreach (Tensor p in model.parameters()) p.grad = LocalTensorOps.Zeros(p.shape);
        model.zero_grad();
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void ToString_PrintsLikePyTorch()
    {
        Assert.Equal("RNN(10, 20, num_layers=2)", nn.RNN(10, 20, 2).ToString());
        Assert.Equal("LSTM(3, 4, bias=False, batch_first=True, dropout=0.5, bidirectional=True)",
            nn.LSTM(3, 4, bias: false, batchFirst: true, dropout: 0.5, bidirectional: true).ToString());
        Assert.Equal("RNNCell(3, 4, nonlinearity=relu)", nn.RNNCell(3, 4, nn.NonLinearities.ReLU).ToString());
        Assert.Equal("CharModel(\n  (rnn): RNN(5, 4, batch_first=True)\n  (fc): Linear(in_features=4, out_features=5, bias=True)\n)",
            new CharModel().ToString());
        Assert.Equal("Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): ReLU()\n)",
            nn.Sequential(nn.Linear(2, 3), nn.ReLU()).ToString());
    }

    [Fact]
    public void To_Cpu_IsANoOp_AndCudaIsRefused()
    {
        var model = new CharModel();
        Assert.Same(model, model.to(CPU));
        var error = Assert.Throws<NotSupportedException>(() => model.to("cuda"));
        Assert.Contains("CPU only", error.Message);
        Assert.Throws<NotSupportedException>(() => nn.RNN(2, 3, device: new Device("cuda")));
    }

    [Fact]
    public void Rnn_Errors_NameTheShapes()
    {
        var rnn = nn.RNN(10, 20, 2);
        var input = LocalTensorOps.Zeros([5, 3, 7]);
        Assert.Equal("input.size(-1) must be equal to input_size. Expected 10, got 7",
            Assert.Throws<ArgumentException>(() => rnn.call(input)).Message);
        Assert.Equal("Expected hidden size (2, 3, 20), got [1, 3, 20]",
            Assert.Throws<ArgumentException>(() => rnn.call(LocalTensorOps.Zeros([5, 3, 10]), LocalTensorOps.Zeros([1, 3, 20]))).Message);
        Assert.Equal("RNN: Expected input to be 2-D or 3-D but received 4-D tensor",
            Assert.Throws<ArgumentException>(() => rnn.call(LocalTensorOps.Zeros([5, 3, 10, 1]))).Message);
        Assert.Equal("Expected hidden[1] size (1, 3, 4), got [1, 2, 4]",
            Assert.Throws<ArgumentException>(() => nn.LSTM(2, 4).call(LocalTensorOps.Zeros([5, 3, 2]), (LocalTensorOps.Zeros([1, 3, 4]), LocalTensorOps.Zeros([1, 2, 4])))).Message);
        Assert.Equal("input has inconsistent input_size: got 3 expected 2",
            Assert.Throws<ArgumentException>(() => nn.GRUCell(2, 4).call(LocalTensorOps.Zeros([5, 3]))).Message);
    }

    [Fact]
    public void Rnn_UnbatchedInput_MatchesBatchOfOne()
    {
        manual_seed(3);
        var rnn = nn.GRU(3, 4, 2, bidirectional: true);
        Tensor x = randn(5, 3);
        var (output, hN) = rnn.call(x);
        var (batchedOutput, batchedHN) = rnn.call(x.reshape(5, 1, 3));
        Assert.Equal([5L, 8L], output.shape);
        Assert.Equal([4L, 4L], hN.shape);
        Assert.Equal(batchedOutput.ToFloatArray(), output.ToFloatArray());
        Assert.Equal(batchedHN.ToFloatArray(), hN.ToFloatArray());
    }

    [Fact]
    public void Rnn_IsOneGraphNodePerCall()
    {
        var rnn = nn.LSTM(3, 4, 2, bidirectional: true);
        var (output, hN, cN) = rnn.call(LocalTensorOps.Zeros([6, 2, 3]));
        Assert.Same(output.grad_fn, hN.grad_fn);
        Assert.Same(output.grad_fn, cN.grad_fn);
        Assert.Equal("LstmBackward0", output.grad_fn!.name());
    }

    [Fact]
    public void InterLayerDropout_OnlyInTraining()
    {
        manual_seed(5);
        var rnn = nn.RNN(3, 8, 2, dropout: 0.5);
        Tensor x = randn(4, 2, 3);
        rnn.eval();
        var (first, _) = rnn.call(x);
        var (second, _) = rnn.call(x);
        Assert.Equal(first.ToFloatArray(), second.ToFloatArray());
        rnn.train();
        var (dropped, _) = rnn.call(x);
        Assert.NotEqual(first.ToFloatArray(), dropped.ToFloatArray());
    }

    [Fact]
    public void Embedding_GathersRows_AndSkipsPaddingInBackward()
    {
        var embedding = nn.Embedding(4, 2, padding_idx: 0);
        Assert.Equal([0f, 0f], embedding.weight.ToFloatArray()[..2]);
        Tensor indices = Tensor.FromContiguous(new long[] { 1, 0, 1, 3 }, [2, 2]);
        Tensor y = embedding.call(indices);
        Assert.Equal([2L, 2L, 2L], y.shape);
        Assert.Equal(embedding.weight.ToFloatArray()[2..4], y.ToFloatArray()[..2]);
        y.backward(Tensor.FromContiguous(Enumerable.Repeat(1f, 8).ToArray(), [2, 2, 2]));
        Assert.Equal([0f, 0f, 2f, 2f, 0f, 0f, 1f, 1f], embedding.weight.grad!.ToFloatArray());
    }

    [Fact]
    public void Dropout_ScalesKeptElements_AndIsIdentityInEval()
    {
        var dropout = nn.Dropout(0.25);
        Tensor x = Tensor.FromContiguous(Enumerable.Repeat(1f, 1000).ToArray(), [1000]);
        float[] y = dropout.call(x).ToFloatArray();
        Assert.All(y, v => Assert.True(v == 0f || Math.Abs(v - 1f / 0.75f) < 1e-6));
        Assert.InRange(y.Count(v => v == 0f), 150, 350);
        dropout.eval();
        Assert.Same(x, dropout.call(x));
    }

    [Fact]
    public void Sequential_ChainsModules_WithIndexNames()
    {
        var linear = nn.Linear(2, 3);
        var model = nn.Sequential(linear, nn.ReLU());
        Assert.Equal(["0.weight", "0.bias"], model.named_parameters().Select(p => p.name));
        Tensor x = Tensor.FromContiguous(new[] { 1f, -2f }, [1, 2]);
        float[] expected = linear.call(x).ToFloatArray().Select(v => Math.Max(v, 0f)).ToArray();
        Assert.Equal(expected, model.call(x).ToFloatArray());
        Assert.Equal(["first.weight", "first.bias"], nn.Sequential(("first", nn.Linear(2, 2)), ("act", nn.Tanh())).state_dict().Keys);
    }

    private sealed class NamedSamples : utils.data.Dataset
    {
        public override long Count => 3;
        public override Dictionary<string, Tensor> GetTensor(long index) => new()
        {
            ["data"] = Tensor.FromContiguous(new[] { (float)index, 2f * index }, [2]),
            ["label"] = Tensor.FromContiguous(new[] { index }, []),
        };
    }

    [Fact]
    public void DataLoader_OverNamedSamples_StacksEachName()
    {
        var batches = utils.data.DataLoader(new NamedSamples(), 2).ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal([0f, 0f, 1f, 2f], batches[0]["data"].ToFloatArray());
        Assert.Equal([2L], batches[1]["label"].ToArray<long>());
    }
}
