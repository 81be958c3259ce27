using System.Numerics.Tensors;
using RnnLab.Torch.Kernels;

namespace RnnLab.Torch.Modules;

/// <summary>What one (layer, direction) keeps for backpropagation through time, indexed by real time step.</summary>
internal sealed class DirectionTrace
{
    /// <summary>(T, B, G*H) gate activations: RNN the new hidden state itself; LSTM i, f, g, o; GRU r, z, n.</summary>
    public required float[] Gates;
    /// <summary>(T, B, H) hidden state entering each step.</summary>
    public required float[] HiddenBefore;
    /// <summary>(T, B, H) hidden state leaving each step.</summary>
    public required float[] HiddenAfter;
    /// <summary>LSTM: (T, B, H) cell state entering and leaving each step.</summary>
    public float[]? CellBefore, CellAfter;
    /// <summary>GRU: (T, B, H) W_hn h + b_hn, which the n gate scales by r.</summary>
    public float[]? HiddenCandidate;

    /// <summary>Gives the arrays back to <see cref="RecurrentBuffers"/>; the trace must not be read afterwards.</summary>
    public void Release()
    {
        RecurrentBuffers.Return(Gates);
        RecurrentBuffers.Return(HiddenBefore);
        RecurrentBuffers.Return(HiddenAfter);
        RecurrentBuffers.Return(CellBefore);
        RecurrentBuffers.Return(CellAfter);
        RecurrentBuffers.Return(HiddenCandidate);
        Gates = HiddenBefore = HiddenAfter = [];
        CellBefore = CellAfter = HiddenCandidate = null;
    }
}

/// <summary>Everything a fused forward saved: each layer's input (after inter-layer dropout) and each direction's trace.</summary>
internal sealed class RecurrentTrace
{
    public required float[][] LayerInputs;
    /// <summary>Per layer, the dropout mask (already scaled by 1/(1-p)) applied to its output, or null.</summary>
    public required float[]?[] DropoutMasks;
    public required DirectionTrace[] Directions;

    /// <summary>Returns the pooled buffers: after backward has run (graph released), or at once when nothing will backpropagate.</summary>
    public void Release()
    {
        foreach (var direction in Directions) direction.Release();
    }
}

/// <summary>Results of a fused forward over the whole sequence and every layer.</summary>
internal sealed class RecurrentRun
{
    /// <summary>(T, B, D*H) last layer's outputs, time-major.</summary>
    public required float[] Output;
    /// <summary>(L*D, B, H) final hidden states.</summary>
    public required float[] HiddenN;
    /// <summary>LSTM: (L*D, B, H) final cell states.</summary>
    public float[]? CellN;
    public required RecurrentTrace Trace;
}

/// <summary>Gradients from a fused backward; arrays are null where not requested.</summary>
internal sealed class RecurrentGradients
{
    public float[]? Input;
    public float[]? Hidden0;
    public float[]? Cell0;
    public required float[]?[] Parameters;
}

/// <summary>
/// The fused recurrent kernel (RNN tanh/relu, LSTM, GRU; layers; directions): per layer and direction,
/// the input projection for all time steps is ONE Gemm, each step adds one Gemm for the hidden state
/// and a vectorised gate update; backward runs BPTT with one Gemm per step and whole-sequence Gemms
/// for the weight gradients. Data is time-major (T, B, features), row-major.
/// Gate maths follows PyTorch: LSTM c' = f*c + i*g, h' = o*tanh(c'); GRU n = tanh(W_in x + b_in + r*(W_hn h + b_hn)),
/// h' = (1-z)*n + z*h.
/// </summary>
internal static class RecurrentKernel
{
    /// <param name="weights">Parameters in PyTorch's order (see <see cref="RecurrentSpec"/>).</param>
    /// <param name="dropoutMask">Makes the inter-layer dropout mask for n elements, or null for no dropout.</param>
    public static RecurrentRun Forward(RecurrentSpec spec, float[] input, int steps, int batch,
        ReadOnlySpan<float> hidden0, ReadOnlySpan<float> cell0, IReadOnlyList<torch.Tensor> weights, Func<int, float[]>? dropoutMask)
    {
        int H = spec.HiddenSize, D = spec.Directions, L = spec.NumLayers;
        int stateSize = batch * H;
        var layerInputs = new float[L][];
        var masks = new float[]?[L];
        var traces = new DirectionTrace[L * D];
        var hiddenN = new float[L * D * stateSize];
        float[]? cellN = spec.HasCellState ? new float[L * D * stateSize] : null;
        float[] layerInput = input;
        float[] output = [];
        for (int layer = 0; layer < L; layer++)
        {
            layerInputs[layer] = layerInput;
            output = new float[steps * batch * D * H];
            for (int direction = 0; direction < D; direction++)
            {
                int slot = layer * D + direction;
                DirectionTrace trace = ForwardDirection(spec, layer, direction, layerInput, steps, batch,
                    hidden0.IsEmpty ? default : hidden0.Slice(slot * stateSize, stateSize),
                    cell0.IsEmpty ? default : cell0.Slice(slot * stateSize, stateSize),
                    Weights(spec, weights, layer, direction));
                traces[slot] = trace;
                int lastTime = direction == 0 ? steps - 1 : 0;
                if (steps > 0)
                {
                    trace.HiddenAfter.AsSpan(lastTime * stateSize, stateSize).CopyTo(hiddenN.AsSpan(slot * stateSize));
                    trace.CellAfter?.AsSpan(lastTime * stateSize, stateSize).CopyTo(cellN.AsSpan(slot * stateSize));
                }
                for (int row = 0; row < steps * batch; row++)
                    trace.HiddenAfter.AsSpan(row * H, H).CopyTo(output.AsSpan(row * D * H + direction * H, H));
            }
            if (layer < L - 1 && dropoutMask is not null)
            {
                float[] mask = dropoutMask(output.Length);
                masks[layer] = mask;
                var dropped = new float[output.Length];
                TensorPrimitives.Multiply(output, mask, dropped);
                layerInput = dropped;
            }
            else layerInput = output;
        }
        return new RecurrentRun { Output = output, HiddenN = hiddenN, CellN = cellN, Trace = new RecurrentTrace { LayerInputs = layerInputs, DropoutMasks = masks, Directions = traces } };
    }

    private readonly record struct DirectionWeights(torch.Tensor InputWeight, torch.Tensor HiddenWeight, torch.Tensor? InputBias, torch.Tensor? HiddenBias, int FirstIndex);

    private static DirectionWeights Weights(RecurrentSpec spec, IReadOnlyList<torch.Tensor> weights, int layer, int direction)
    {
        int first = (layer * spec.Directions + direction) * spec.ParametersPerDirection;
        return new DirectionWeights(weights[first], weights[first + 1],
            spec.HasBias ? weights[first + 2] : null, spec.HasBias ? weights[first + 3] : null, first);
    }

    private static DirectionTrace ForwardDirection(RecurrentSpec spec, int layer, int direction, float[] x, int steps, int batch,
        ReadOnlySpan<float> hidden0, ReadOnlySpan<float> cell0, DirectionWeights w)
    {
        int H = spec.HiddenSize, GH = spec.GateCount * H, inputSize = spec.LayerInputSize(layer);
        int rows = steps * batch, stateSize = batch * H, gateSize = batch * GH;
        // The input projection for every step at once, with biases folded in where the maths allows.
        float[] gates = RecurrentBuffers.Rent((long)rows * GH);
        float[] inputWeightT = MatrixLayout.Transpose(LocalTensorOps.Read(w.InputWeight), GH, inputSize);
        Gemm.Sgemm(false, false, rows, GH, inputSize, 1f, x, inputSize, inputWeightT, GH, 0f, gates, GH);
        // W_hh^T multiplies every step: packed once here instead of inside each step's product.
        PackedMatrix hiddenWeightT = Gemm.Pack(false, H, GH, MatrixLayout.Transpose(LocalTensorOps.Read(w.HiddenWeight), GH, H), GH);
        float[]? hiddenNBias = null;
        if (w.InputBias is not null && w.HiddenBias is not null)
        {
            float[] foldedBias = LocalTensorOps.Read(w.InputBias).ToArray();
            ReadOnlySpan<float> hiddenBias = LocalTensorOps.Read(w.HiddenBias);
            int foldedCount = spec.Mode == RecurrentMode.Gru ? 2 * H : GH; // GRU's b_hn sits inside r * (...)
            TensorPrimitives.Add(foldedBias.AsSpan(0, foldedCount), hiddenBias[..foldedCount], foldedBias.AsSpan(0, foldedCount));
            if (spec.Mode == RecurrentMode.Gru) hiddenNBias = hiddenBias.Slice(2 * H, H).ToArray();
            MatrixLayout.AddRowVector(gates, foldedBias, rows);
        }

        var trace = new DirectionTrace
        {
            Gates = gates,
            HiddenBefore = RecurrentBuffers.Rent((long)rows * H),
            HiddenAfter = RecurrentBuffers.Rent((long)rows * H),
            CellBefore = spec.HasCellState ? RecurrentBuffers.Rent((long)rows * H) : null,
            CellAfter = spec.HasCellState ? RecurrentBuffers.Rent((long)rows * H) : null,
            HiddenCandidate = spec.Mode == RecurrentMode.Gru ? RecurrentBuffers.Rent((long)rows * H) : null,
        };
        float[]? hiddenProjection = spec.Mode == RecurrentMode.Gru ? new float[gateSize] : null;
        ReadOnlySpan<float> h = hidden0.IsEmpty ? new float[stateSize] : hidden0;
        ReadOnlySpan<float> c = cell0.IsEmpty ? new float[stateSize] : cell0;
        for (int s = 0; s < steps; s++)
        {
            int t = direction == 0 ? s : steps - 1 - s;
            Span<float> hBefore = trace.HiddenBefore.AsSpan(t * stateSize, stateSize);
            h.CopyTo(hBefore);
            Span<float> g = gates.AsSpan(t * gateSize, gateSize);
            Span<float> hAfter = trace.HiddenAfter.AsSpan(t * stateSize, stateSize);
            switch (spec.Mode)
            {
                case RecurrentMode.RnnTanh:
                case RecurrentMode.RnnRelu:
                    Gemm.Sgemm(false, batch, 1f, hBefore, H, hiddenWeightT, 1f, g, GH);
                    if (spec.Mode == RecurrentMode.RnnTanh) TensorPrimitives.Tanh(g, g);
                    else TensorPrimitives.Max(g, 0f, g);
                    g.CopyTo(hAfter);
                    break;
                case RecurrentMode.Lstm:
                {
                    Gemm.Sgemm(false, batch, 1f, hBefore, H, hiddenWeightT, 1f, g, GH);
                    Span<float> cBefore = trace.CellBefore.AsSpan(t * stateSize, stateSize);
                    c.CopyTo(cBefore);
                    Span<float> cAfter = trace.CellAfter.AsSpan(t * stateSize, stateSize);
                    for (int b = 0; b < batch; b++)
                    {
                        Span<float> row = g.Slice(b * GH, GH);
                        Span<float> i = row[..H], f = row.Slice(H, H), gg = row.Slice(2 * H, H), o = row.Slice(3 * H, H);
                        TensorPrimitives.Sigmoid(row[..(2 * H)], row[..(2 * H)]);
                        TensorPrimitives.Tanh(gg, gg);
                        TensorPrimitives.Sigmoid(o, o);
                        Span<float> cNew = cAfter.Slice(b * H, H), hNew = hAfter.Slice(b * H, H);
                        TensorPrimitives.Multiply(f, cBefore.Slice(b * H, H), cNew);
                        TensorPrimitives.MultiplyAdd(i, gg, cNew, cNew);
                        TensorPrimitives.Tanh(cNew, hNew);
                        TensorPrimitives.Multiply(o, hNew, hNew);
                    }
                    c = cAfter;
                    break;
                }
                case RecurrentMode.Gru:
                {
                    Span<float> hp = hiddenProjection;
                    Gemm.Sgemm(false, batch, 1f, hBefore, H, hiddenWeightT, 0f, hp, GH);
                    Span<float> candidate = trace.HiddenCandidate.AsSpan(t * stateSize, stateSize);
                    for (int b = 0; b < batch; b++)
                    {
                        Span<float> row = g.Slice(b * GH, GH), hRow = hp.Slice(b * GH, GH);
                        Span<float> rz = row[..(2 * H)], n = row.Slice(2 * H, H), hn = candidate.Slice(b * H, H);
                        TensorPrimitives.Add(rz, hRow[..(2 * H)], rz);
                        TensorPrimitives.Sigmoid(rz, rz);
                        hRow.Slice(2 * H, H).CopyTo(hn);
                        if (hiddenNBias is not null) TensorPrimitives.Add(hn, hiddenNBias, hn);
                        TensorPrimitives.MultiplyAdd(rz[..H], hn, n, n);
                        TensorPrimitives.Tanh(n, n);
                        // h' = n + z * (h - n)
                        Span<float> hNew = hAfter.Slice(b * H, H);
                        TensorPrimitives.Subtract(hBefore.Slice(b * H, H), n, hNew);
                        TensorPrimitives.MultiplyAdd(rz.Slice(H, H), hNew, n, hNew);
                    }
                    break;
                }
            }
            h = hAfter;
        }
        return trace;
    }

    /// <summary>
    /// Backpropagation through time for the whole stack. <paramref name="outputGrad"/> is (T, B, D*H) time-major,
    /// <paramref name="hiddenNGrad"/>/<paramref name="cellNGrad"/> (L*D, B, H); any may be null (no gradient).
    /// </summary>
    public static RecurrentGradients Backward(RecurrentSpec spec, RecurrentTrace trace, IReadOnlyList<torch.Tensor> weights,
        int steps, int batch, float[]? outputGrad, float[]? hiddenNGrad, float[]? cellNGrad,
        bool wantInput, bool wantHidden0, bool wantCell0)
    {
        int H = spec.HiddenSize, D = spec.Directions, L = spec.NumLayers, GH = spec.GateCount * H;
        int rows = steps * batch, stateSize = batch * H;
        var parameterGrads = new float[]?[weights.Count];
        float[]? hidden0Grad = wantHidden0 ? new float[L * D * stateSize] : null;
        float[]? cell0Grad = wantCell0 && spec.HasCellState ? new float[L * D * stateSize] : null;
        float[] layerOutputGrad = outputGrad ?? new float[rows * D * H];
        float[]? inputGrad = null;
        for (int layer = L - 1; layer >= 0; layer--)
        {
            int inputSize = spec.LayerInputSize(layer);
            bool needInputGrad = layer > 0 || wantInput;
            float[]? layerInputGrad = needInputGrad ? new float[rows * inputSize] : null;
            for (int direction = 0; direction < D; direction++)
            {
                int slot = layer * D + direction;
                DirectionWeights w = Weights(spec, weights, layer, direction);
                DirectionTrace t = trace.Directions[slot];
                // Pooled and fully written by BackwardDirection before any read.
                float[] gateGrad = RecurrentBuffers.Rent((long)rows * GH);
                float[] hiddenGateGrad = spec.Mode == RecurrentMode.Gru ? RecurrentBuffers.Rent((long)rows * GH) : gateGrad;
                var (dh0, dc0) = BackwardDirection(spec, direction, t, w, steps, batch, layerOutputGrad,
                    hiddenNGrad is null ? default : hiddenNGrad.AsSpan(slot * stateSize, stateSize),
                    cellNGrad is null ? default : cellNGrad.AsSpan(slot * stateSize, stateSize), gateGrad, hiddenGateGrad);
                if (hidden0Grad is not null) dh0.CopyTo(hidden0Grad.AsSpan(slot * stateSize));
                if (cell0Grad is not null) dc0.CopyTo(cell0Grad.AsSpan(slot * stateSize));

                // Whole-sequence weight gradients: dW_ih = dG^T X, dW_hh = dGh^T H_before, biases = column sums.
                float[] layerInput = trace.LayerInputs[layer];
                if (w.InputWeight.requires_grad)
                {
                    float[] grad = parameterGrads[w.FirstIndex] ??= new float[GH * inputSize];
                    Gemm.Sgemm(true, false, GH, inputSize, rows, 1f, gateGrad, GH, layerInput, inputSize, 1f, grad, inputSize);
                }
                if (w.HiddenWeight.requires_grad)
                {
                    float[] grad = parameterGrads[w.FirstIndex + 1] ??= new float[GH * H];
                    Gemm.Sgemm(true, false, GH, H, rows, 1f, hiddenGateGrad, GH, t.HiddenBefore, H, 1f, grad, H);
                }
                if (w.InputBias is { requires_grad: true })
                    MatrixLayout.SumRows(gateGrad, rows, GH, parameterGrads[w.FirstIndex + 2] ??= new float[GH]);
                if (w.HiddenBias is { requires_grad: true })
                    MatrixLayout.SumRows(hiddenGateGrad, rows, GH, parameterGrads[w.FirstIndex + 3] ??= new float[GH]);
                if (layerInputGrad is not null)
                    Gemm.Sgemm(false, false, rows, inputSize, GH, 1f, gateGrad, GH, LocalTensorOps.Read(w.InputWeight), inputSize, 1f, layerInputGrad, inputSize);
                if (hiddenGateGrad != gateGrad) RecurrentBuffers.Return(hiddenGateGrad);
                RecurrentBuffers.Return(gateGrad);
            }
            if (layer > 0)
            {
                if (trace.DropoutMasks[layer - 1] is { } mask) TensorPrimitives.Multiply(layerInputGrad!, mask, layerInputGrad!);
                layerOutputGrad = layerInputGrad!;
            }
            else inputGrad = layerInputGrad;
        }
        return new RecurrentGradients { Input = inputGrad, Hidden0 = hidden0Grad, Cell0 = cell0Grad, Parameters = parameterGrads };
    }

    /// <summary>BPTT for one (layer, direction): fills the pre-activation gradients and returns d h0 (and d c0).</summary>
    private static (float[] dh0, float[] dc0) BackwardDirection(RecurrentSpec spec, int direction, DirectionTrace trace, DirectionWeights w,
        int steps, int batch, float[] outputGrad, ReadOnlySpan<float> hiddenNGrad, ReadOnlySpan<float> cellNGrad,
        float[] gateGrad, float[] hiddenGateGrad)
    {
        int H = spec.HiddenSize, D = spec.Directions, GH = spec.GateCount * H;
        int stateSize = batch * H, gateSize = batch * GH;
        PackedMatrix hiddenWeight = Gemm.Pack(false, GH, H, LocalTensorOps.Read(w.HiddenWeight), H);
        var dh = new float[stateSize];
        var dhNext = new float[stateSize];
        var dc = new float[spec.HasCellState ? stateSize : 0];
        var scratch = new float[H];
        if (!hiddenNGrad.IsEmpty) hiddenNGrad.CopyTo(dh);
        if (!cellNGrad.IsEmpty && spec.HasCellState) cellNGrad.CopyTo(dc);
        for (int s = steps - 1; s >= 0; s--)
        {
            int t = direction == 0 ? s : steps - 1 - s;
            for (int b = 0; b < batch; b++)
                TensorPrimitives.Add(dh.AsSpan(b * H, H), outputGrad.AsSpan((t * batch + b) * D * H + direction * H, H), dh.AsSpan(b * H, H));
            Span<float> dg = gateGrad.AsSpan(t * gateSize, gateSize);
            ReadOnlySpan<float> g = trace.Gates.AsSpan(t * gateSize, gateSize);
            switch (spec.Mode)
            {
                case RecurrentMode.RnnTanh:
                {
                    ReadOnlySpan<float> y = trace.HiddenAfter.AsSpan(t * stateSize, stateSize);
                    for (int k = 0; k < stateSize; k++) dg[k] = dh[k] * (1f - y[k] * y[k]);
                    break;
                }
                case RecurrentMode.RnnRelu:
                {
                    ReadOnlySpan<float> y = trace.HiddenAfter.AsSpan(t * stateSize, stateSize);
                    for (int k = 0; k < stateSize; k++) dg[k] = y[k] > 0f ? dh[k] : 0f;
                    break;
                }
                case RecurrentMode.Lstm:
                {
                    ReadOnlySpan<float> cAfter = trace.CellAfter.AsSpan(t * stateSize, stateSize);
                    ReadOnlySpan<float> cBefore = trace.CellBefore.AsSpan(t * stateSize, stateSize);
                    for (int b = 0; b < batch; b++)
                    {
                        ReadOnlySpan<float> row = g.Slice(b * GH, GH);
                        Span<float> drow = dg.Slice(b * GH, GH);
                        Span<float> tanhC = scratch;
                        TensorPrimitives.Tanh(cAfter.Slice(b * H, H), tanhC);
                        for (int j = 0; j < H; j++)
                        {
                            int k = b * H + j;
                            float i = row[j], f = row[H + j], gg = row[2 * H + j], o = row[3 * H + j];
                            float tc = tanhC[j];
                            float dcTotal = dc[k] + dh[k] * o * (1f - tc * tc);
                            drow[j] = dcTotal * gg * i * (1f - i);
                            drow[H + j] = dcTotal * cBefore[k] * f * (1f - f);
                            drow[2 * H + j] = dcTotal * i * (1f - gg * gg);
                            drow[3 * H + j] = dh[k] * tc * o * (1f - o);
                            dc[k] = dcTotal * f;
                        }
                    }
                    break;
                }
                case RecurrentMode.Gru:
                {
                    ReadOnlySpan<float> hBefore = trace.HiddenBefore.AsSpan(t * stateSize, stateSize);
                    ReadOnlySpan<float> candidate = trace.HiddenCandidate.AsSpan(t * stateSize, stateSize);
                    Span<float> dgh = hiddenGateGrad.AsSpan(t * gateSize, gateSize);
                    for (int b = 0; b < batch; b++)
                    {
                        ReadOnlySpan<float> row = g.Slice(b * GH, GH);
                        Span<float> drow = dg.Slice(b * GH, GH), dhrow = dgh.Slice(b * GH, GH);
                        for (int j = 0; j < H; j++)
                        {
                            int k = b * H + j;
                            float r = row[j], z = row[H + j], n = row[2 * H + j];
                            float dn = dh[k] * (1f - z) * (1f - n * n);
                            float dz = dh[k] * (hBefore[k] - n) * z * (1f - z);
                            float dr = dn * candidate[k] * r * (1f - r);
                            drow[j] = dhrow[j] = dr;
                            drow[H + j] = dhrow[H + j] = dz;
                            drow[2 * H + j] = dn;
                            dhrow[2 * H + j] = dn * r;
                        }
                    }
                    break;
                }
            }
            // d h_before = dGh W_hh (+ z * dh for GRU's direct path).
            ReadOnlySpan<float> dgHidden = hiddenGateGrad.AsSpan(t * gateSize, gateSize);
            Gemm.Sgemm(false, batch, 1f, dgHidden, GH, hiddenWeight, 0f, dhNext, H);
            if (spec.Mode == RecurrentMode.Gru)
            {
                for (int b = 0; b < batch; b++)
                {
                    ReadOnlySpan<float> z = g.Slice(b * GH + H, H);
                    TensorPrimitives.MultiplyAdd(dh.AsSpan(b * H, H), z, dhNext.AsSpan(b * H, H), dhNext.AsSpan(b * H, H));
                }
            }
            (dh, dhNext) = (dhNext, dh);
        }
        return (dh, dc);
    }
}
