using RnnLab.Torch.Autograd;

namespace RnnLab.Torch.Modules;

/// <summary>
/// What RNN, LSTM and GRU share: PyTorch's parameters (names, order, init), input and state checks with
/// PyTorch's messages, layout handling (batch_first, unbatched 2-D input) and the call into the fused
/// kernel with its one graph node.
/// </summary>
internal sealed class RecurrentStack
{
    private readonly string _moduleName;

    public RecurrentStack(torch.nn.Module owner, string moduleName, RecurrentSpec spec, bool batchFirst, double dropout)
    {
        if (spec.InputSize <= 0 || spec.HiddenSize <= 0)
            throw new ArgumentException($"{moduleName}: input_size and hidden_size must be positive, got {spec.InputSize} and {spec.HiddenSize}");
        if (spec.NumLayers <= 0) throw new ArgumentException($"{moduleName}: num_layers must be greater than 0, got {spec.NumLayers}");
        if (dropout < 0 || dropout > 1)
            throw new ArgumentException("dropout should be a number in range [0, 1] representing the probability of an element being zeroed");
        _moduleName = moduleName;
        Spec = spec;
        BatchFirst = batchFirst;
        Dropout = dropout;
        int gh = spec.GateCount * spec.HiddenSize;
        var names = new List<string>();
        var parameters = new List<torch.Tensor>();
        for (int layer = 0; layer < spec.NumLayers; layer++)
            for (int direction = 0; direction < spec.Directions; direction++)
            {
                string suffix = $"_l{layer}" + (direction == 1 ? "_reverse" : "");
                Add("weight_ih" + suffix, gh, spec.LayerInputSize(layer));
                Add("weight_hh" + suffix, gh, spec.HiddenSize);
                if (!spec.HasBias) continue;
                Add("bias_ih" + suffix, gh);
                Add("bias_hh" + suffix, gh);
            }
        ParameterNames = names;
        Parameters = parameters;
        ParameterInit.RecurrentUniform(parameters, spec.HiddenSize);

        void Add(string name, params long[] shape)
        {
            torch.Tensor p = ParameterInit.Empty(shape);
            owner.register_parameter(name, p);
            names.Add(name);
            parameters.Add(p);
        }
    }

    public RecurrentSpec Spec { get; }
    public bool BatchFirst { get; }
    public double Dropout { get; }
    public IReadOnlyList<string> ParameterNames { get; }
    public IReadOnlyList<torch.Tensor> Parameters { get; }

    /// <summary>PyTorch's RNNBase.extra_repr.</summary>
    public string ExtraRepr()
    {
        string text = $"{Spec.InputSize}, {Spec.HiddenSize}";
        if (Spec.NumLayers != 1) text += $", num_layers={Spec.NumLayers}";
        if (!Spec.HasBias) text += ", bias=False";
        if (BatchFirst) text += ", batch_first=True";
        if (Dropout != 0) text += $", dropout={PythonFormat.Float(Dropout)}";
        if (Spec.Bidirectional) text += ", bidirectional=True";
        return text;
    }

    /// <summary>Runs the stack: returns output, h_n and (LSTM) c_n, recorded as one node.</summary>
    public (torch.Tensor output, torch.Tensor hN, torch.Tensor? cN) Forward(torch.Tensor input, torch.Tensor? h0, torch.Tensor? c0, bool training)
    {
        if (input.dim() != 2 && input.dim() != 3)
            throw new ArgumentException($"{_moduleName}: Expected input to be 2-D or 3-D but received {input.dim()}-D tensor");
        if (input.dtype != torch.ScalarType.Float32)
            throw new ArgumentException($"{_moduleName}: expected a float32 input but got {torch.Tensor.DTypeName(input.dtype)}");
        bool batched = input.dim() == 3;
        if (input.Sizes[^1] != Spec.InputSize)
            throw new ArgumentException($"input.size(-1) must be equal to input_size. Expected {Spec.InputSize}, got {input.Sizes[^1]}");
        int steps = (int)(batched && BatchFirst ? input.Sizes[1] : input.Sizes[0]);
        int batch = batched ? (int)(BatchFirst ? input.Sizes[0] : input.Sizes[1]) : 1;
        int stateCount = Spec.NumLayers * Spec.Directions;
        long[] hiddenShape = batched ? [stateCount, batch, Spec.HiddenSize] : [stateCount, Spec.HiddenSize];
        CheckState(h0, hiddenShape, batched, Spec.HasCellState ? "Expected hidden[0] size" : "Expected hidden size");
        CheckState(c0, hiddenShape, batched, "Expected hidden[1] size");

        float[] data = input.ToFloatArray();
        float[] timeMajor = batched && BatchFirst ? SequenceLayout.SwapLeadingDims(data, batch, steps, Spec.InputSize) : data;
        Func<int, float[]>? mask = training && Dropout > 0 && Spec.NumLayers > 1 ? n => DropoutMask.Create(n, Dropout) : null;
        var weights = Parameters.ToArray();
        RecurrentRun run = RecurrentKernel.Forward(Spec, timeMajor, steps, batch,
            h0 is null ? default : LocalTensorOps.Read(h0), c0 is null ? default : LocalTensorOps.Read(c0), weights, mask);

        int outFeatures = Spec.Directions * Spec.HiddenSize;
        float[] output = batched && BatchFirst ? SequenceLayout.SwapLeadingDims(run.Output, steps, batch, outFeatures) : run.Output;
        long[] outputShape = !batched ? [steps, outFeatures] : BatchFirst ? [batch, steps, outFeatures] : [steps, batch, outFeatures];
        var outputTensor = torch.Tensor.FromContiguous(output, outputShape);
        var hN = torch.Tensor.FromContiguous(run.HiddenN, hiddenShape);
        torch.Tensor? cN = run.CellN is null ? null : torch.Tensor.FromContiguous(run.CellN, hiddenShape);

        var inputs = new List<torch.Tensor?> { input, h0 };
        if (Spec.HasCellState) inputs.Add(c0);
        inputs.AddRange(weights);
        torch.Tensor?[] inputArray = inputs.ToArray();
        if (Node.ShouldRecord(inputArray))
        {
            bool[] needs = inputArray.Select(t => t is { requires_grad: true }).ToArray();
            var node = new RecurrentBackward(Spec, run.Trace, weights, steps, batch, BatchFirst, isCell: false, input.shape, hiddenShape, needs);
            node.Record(inputArray, cN is null ? [outputTensor, hN] : [outputTensor, hN, cN]);
        }
        else run.Trace.Release(); // nothing will backpropagate: the working memory goes back to the pool now
        return (outputTensor, hN, cN);
    }

    private static void CheckState(torch.Tensor? state, long[] expected, bool batched, string what)
    {
        if (state is null) return;
        if (batched && state.dim() != 3)
            throw new ArgumentException($"For batched 3-D input, hx should also be 3-D but got {state.dim()}-D tensor");
        if (!batched && state.dim() != 2)
            throw new ArgumentException($"For unbatched 2-D input, hx should also be 2-D but got {state.dim()}-D tensor");
        if (!state.shape.AsSpan().SequenceEqual(expected))
            throw new ArgumentException($"{what} {PythonFormat.Tuple(expected)}, got {torch.Tensor.ShapeString(state.shape)}");
    }
}

/// <summary>Numbers and tuples printed the way Python prints them, for PyTorch-identical messages.</summary>
internal static class PythonFormat
{
    public static string Tuple(long[] values) => values.Length == 1 ? $"({values[0]},)" : "(" + string.Join(", ", values) + ")";

    public static string Float(double value)
    {
        string text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
