using RnnLab.Torch.Autograd;

namespace RnnLab.Torch.Modules;

/// <summary>
/// What RNNCell, LSTMCell and GRUCell share: parameters weight_ih, weight_hh, bias_ih, bias_hh, PyTorch's
/// checks, and one step of the fused kernel (a one-step, one-layer sequence) recorded as one node.
/// </summary>
internal sealed class RecurrentCell
{
    private readonly string _moduleName;

    public RecurrentCell(torch.nn.Module owner, string moduleName, RecurrentSpec spec)
    {
        if (spec.InputSize <= 0 || spec.HiddenSize <= 0)
            throw new ArgumentException($"{moduleName}: input_size and hidden_size must be positive, got {spec.InputSize} and {spec.HiddenSize}");
        _moduleName = moduleName;
        Spec = spec;
        int gh = spec.GateCount * spec.HiddenSize;
        WeightIh = Add("weight_ih", gh, spec.InputSize);
        WeightHh = Add("weight_hh", gh, spec.HiddenSize);
        BiasIh = spec.HasBias ? Add("bias_ih", gh) : null;
        BiasHh = spec.HasBias ? Add("bias_hh", gh) : null;
        if (!spec.HasBias)
        {
            owner.register_parameter("bias_ih", null);
            owner.register_parameter("bias_hh", null);
        }
        Parameters = spec.HasBias ? [WeightIh, WeightHh, BiasIh!, BiasHh!] : [WeightIh, WeightHh];
        ParameterInit.RecurrentUniform(Parameters, spec.HiddenSize);

        torch.Tensor Add(string name, params long[] shape)
        {
            torch.Tensor p = ParameterInit.Empty(shape);
            owner.register_parameter(name, p);
            return p;
        }
    }

    public RecurrentSpec Spec { get; }
    public torch.Tensor WeightIh { get; }
    public torch.Tensor WeightHh { get; }
    public torch.Tensor? BiasIh { get; }
    public torch.Tensor? BiasHh { get; }
    public torch.Tensor[] Parameters { get; }

    /// <summary>PyTorch's RNNCellBase.extra_repr.</summary>
    public string ExtraRepr()
    {
        string text = $"{Spec.InputSize}, {Spec.HiddenSize}";
        if (!Spec.HasBias) text += ", bias=False";
        if (Spec.Mode == RecurrentMode.RnnRelu) text += ", nonlinearity=relu";
        return text;
    }

    /// <summary>One step: returns h' and (LSTM) c'.</summary>
    public (torch.Tensor h, torch.Tensor? c) Forward(torch.Tensor input, torch.Tensor? h0, torch.Tensor? c0)
    {
        if (input.dim() != 1 && input.dim() != 2)
            throw new ArgumentException($"{_moduleName}: Expected input to be 1-D or 2-D but received {input.dim()}-D tensor");
        bool batched = input.dim() == 2;
        if (input.Sizes[^1] != Spec.InputSize)
            throw new ArgumentException($"input has inconsistent input_size: got {input.Sizes[^1]} expected {Spec.InputSize}");
        int batch = batched ? (int)input.Sizes[0] : 1;
        long[] stateShape = batched ? [batch, Spec.HiddenSize] : [Spec.HiddenSize];
        CheckState(h0, "hidden0", batched, batch);
        CheckState(c0, "hidden1", batched, batch);

        float[] x = input.ToFloatArray();
        RecurrentRun run = RecurrentKernel.Forward(Spec, x, 1, batch,
            h0 is null ? default : LocalTensorOps.Read(h0), c0 is null ? default : LocalTensorOps.Read(c0), Parameters, null);
        var h = torch.Tensor.FromContiguous(run.HiddenN, stateShape);
        torch.Tensor? c = run.CellN is null ? null : torch.Tensor.FromContiguous(run.CellN, stateShape);

        var inputs = new List<torch.Tensor?> { input, h0 };
        if (Spec.HasCellState) inputs.Add(c0);
        inputs.AddRange(Parameters);
        torch.Tensor?[] inputArray = inputs.ToArray();
        if (Node.ShouldRecord(inputArray))
        {
            bool[] needs = inputArray.Select(t => t is { requires_grad: true }).ToArray();
            var node = new RecurrentBackward(Spec, run.Trace, Parameters, 1, batch, batchFirst: false, isCell: true, input.shape, stateShape, needs);
            node.Record(inputArray, c is null ? [h] : [h, c]);
        }
        else run.Trace.Release(); // nothing will backpropagate: the working memory goes back to the pool now
        return (h, c);
    }

    private void CheckState(torch.Tensor? state, string name, bool batched, int batch)
    {
        if (state is null) return;
        if (state.dim() != (batched ? 2 : 1))
            throw new ArgumentException($"{_moduleName}: Expected {name} to be {(batched ? 2 : 1)}-D for {(batched ? 2 : 1)}-D input but received {state.dim()}-D tensor");
        if (batched && state.Sizes[0] != batch)
            throw new ArgumentException($"Input batch size {batch} doesn't match {name} batch size {state.Sizes[0]}");
        if (state.Sizes[^1] != Spec.HiddenSize)
            throw new ArgumentException($"{name} has inconsistent hidden_size: got {state.Sizes[^1]}, expected {Spec.HiddenSize}");
    }
}
