namespace RnnLab.Torch.Modules;

/// <summary>Which recurrence a fused kernel runs.</summary>
internal enum RecurrentMode { RnnTanh, RnnRelu, Lstm, Gru }

/// <summary>
/// The static shape of a recurrent stack: sizes, layers, directions, bias. Parameters are laid out in
/// PyTorch's order: for each layer, for each direction, weight_ih, weight_hh, then bias_ih, bias_hh.
/// </summary>
internal sealed record RecurrentSpec(RecurrentMode Mode, int InputSize, int HiddenSize, int NumLayers, bool Bidirectional, bool HasBias)
{
    /// <summary>Gates stacked in each weight: 1 (RNN), 4 (LSTM: i, f, g, o), 3 (GRU: r, z, n).</summary>
    public int GateCount => Mode switch { RecurrentMode.Lstm => 4, RecurrentMode.Gru => 3, _ => 1 };

    /// <summary>1 or 2.</summary>
    public int Directions => Bidirectional ? 2 : 1;

    /// <summary>Tensors per (layer, direction): 4 with biases, 2 without.</summary>
    public int ParametersPerDirection => HasBias ? 4 : 2;

    /// <summary>Features entering layer <paramref name="layer"/>: the input size, then D * hidden.</summary>
    public int LayerInputSize(int layer) => layer == 0 ? InputSize : Directions * HiddenSize;

    /// <summary>True for LSTM, which carries a cell state next to the hidden state.</summary>
    public bool HasCellState => Mode == RecurrentMode.Lstm;
}
