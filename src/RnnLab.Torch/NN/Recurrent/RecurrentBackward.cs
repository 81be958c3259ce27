using RnnLab.Torch.Autograd;

namespace RnnLab.Torch.Modules;

/// <summary>
/// The single graph node of one fused recurrent call (a whole multi-layer, bidirectional sequence, or one
/// cell step). Inputs: input, h0, [c0 for LSTM], then the parameters in PyTorch's order. Outputs: output,
/// h_n, [c_n] for layers; h', [c'] for cells (where output and h_n coincide).
/// The weights are read at backward time, not copied: as in PyTorch, an optimizer step between this
/// call's forward and backward would make the gradients wrong (PyTorch detects it; we do not).
/// </summary>
internal sealed class RecurrentBackward : Node
{
    private readonly RecurrentSpec _spec;
    private RecurrentTrace? _trace;
    private readonly torch.Tensor[] _weights;
    private readonly int _steps, _batch;
    private readonly bool _batchFirst, _isCell;
    private readonly long[] _inputShape, _hiddenShape;
    private readonly bool[] _inputNeedsGrad;

    public RecurrentBackward(RecurrentSpec spec, RecurrentTrace trace, torch.Tensor[] weights, int steps, int batch,
        bool batchFirst, bool isCell, long[] inputShape, long[] hiddenShape, bool[] inputNeedsGrad)
    {
        (_spec, _trace, _weights, _steps, _batch) = (spec, trace, weights, steps, batch);
        (_batchFirst, _isCell, _inputShape, _hiddenShape, _inputNeedsGrad) = (batchFirst, isCell, inputShape, hiddenShape, inputNeedsGrad);
    }

    public override string name() => (_spec.Mode, _isCell) switch
    {
        (RecurrentMode.RnnTanh, false) => "RnnTanhBackward0",
        (RecurrentMode.RnnRelu, false) => "RnnReluBackward0",
        (RecurrentMode.Lstm, false) => "LstmBackward0",
        (RecurrentMode.Gru, false) => "GruBackward0",
        (RecurrentMode.RnnTanh, true) => "RnnTanhCellBackward0",
        (RecurrentMode.RnnRelu, true) => "RnnReluCellBackward0",
        (RecurrentMode.Lstm, true) => "LstmCellBackward0",
        _ => "GruCellBackward0",
    };

    protected override torch.Tensor?[] Backward(torch.Tensor?[] gradOutputs)
    {
        int offset = _isCell ? -1 : 0;
        float[]? outputGrad = null;
        if (!_isCell && gradOutputs[0] is { } dOut)
        {
            float[] data = dOut.ToFloatArray();
            outputGrad = _batchFirst && _inputShape.Length == 3
                ? SequenceLayout.SwapLeadingDims(data, _batch, _steps, (int)dOut.Sizes[^1]) : data;
        }
        float[]? hiddenNGrad = gradOutputs[1 + offset]?.ToFloatArray();
        float[]? cellNGrad = _spec.HasCellState ? gradOutputs[2 + offset]?.ToFloatArray() : null;
        int stateInputs = _spec.HasCellState ? 3 : 2;
        RecurrentGradients grads = RecurrentKernel.Backward(_spec, _trace!, _weights, _steps, _batch,
            outputGrad, hiddenNGrad, cellNGrad, _inputNeedsGrad[0], _inputNeedsGrad[1], _spec.HasCellState && _inputNeedsGrad[2]);

        var result = new torch.Tensor?[stateInputs + _weights.Length];
        if (grads.Input is { } dx)
        {
            float[] data = _batchFirst && _inputShape.Length == 3
                ? SequenceLayout.SwapLeadingDims(dx, _steps, _batch, (int)_inputShape[^1]) : dx;
            result[0] = torch.Tensor.FromContiguous(data, _inputShape);
        }
        if (grads.Hidden0 is { } dh0) result[1] = torch.Tensor.FromContiguous(dh0, _hiddenShape);
        if (grads.Cell0 is { } dc0) result[2] = torch.Tensor.FromContiguous(dc0, _hiddenShape);
        for (int i = 0; i < _weights.Length; i++)
            if (grads.Parameters[i] is { } dw) result[stateInputs + i] = torch.Tensor.FromContiguous(dw, _weights[i].shape);
        return result;
    }

    protected override void ReleaseSavedTensors()
    {
        _trace?.Release();
        _trace = null;
    }
}

/// <summary>Conversions between batch-first and time-major sequence layouts.</summary>
internal static class SequenceLayout
{
    /// <summary>(d0, d1, inner) row-major to (d1, d0, inner).</summary>
    public static float[] SwapLeadingDims(ReadOnlySpan<float> data, int d0, int d1, int inner)
    {
        var result = new float[data.Length];
        for (int i = 0; i < d0; i++)
            for (int j = 0; j < d1; j++)
                data.Slice((i * d1 + j) * inner, inner).CopyTo(result.AsSpan((j * d0 + i) * inner, inner));
        return result;
    }
}
