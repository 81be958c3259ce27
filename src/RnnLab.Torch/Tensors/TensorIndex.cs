namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>
    /// One position in an indexing expression, as TorchSharp's TensorIndex: an integer, a slice
    /// (from C# ranges too), Ellipsis, None (new axis), a bool, or an index/mask tensor.
    /// </summary>
    public readonly struct TensorIndex
    {
        internal enum IndexKind { Single, Slice, Ellipsis, None, Bool, Tensor }

        internal IndexKind Kind { get; }
        internal long? Start { get; }
        internal long? Stop { get; }
        internal long? Step { get; }
        internal torch.Tensor? IndexTensor { get; }

        private TensorIndex(IndexKind kind, long? start = null, long? stop = null, long? step = null, torch.Tensor? tensor = null)
        {
            Kind = kind;
            Start = start;
            Stop = stop;
            Step = step;
            IndexTensor = tensor;
        }

        /// <summary>start:stop:step, each optional; negative start/stop count from the end.</summary>
        public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) => new(IndexKind.Slice, start, stop, step);

        /// <summary>One integer position (removes the dim).</summary>
        public static TensorIndex Single(long? index) => new(IndexKind.Single, index);

        /// <summary>True adds a size-1 dim, False a size-0 dim (as PyTorch's x[True]).</summary>
        public static TensorIndex Bool(bool value) => new(IndexKind.Bool, value ? 1 : 0);

        /// <summary>An int64 index tensor (advanced indexing) or a bool mask.</summary>
        public static TensorIndex Tensor(torch.Tensor tensor) => new(IndexKind.Tensor, tensor: tensor);

        /// <summary>"...": as many full slices as needed.</summary>
        public static readonly TensorIndex Ellipsis = new(IndexKind.Ellipsis);

        /// <summary>None: a new size-1 axis.</summary>
        public static readonly TensorIndex None = new(IndexKind.None);

        /// <summary>":": the whole dim.</summary>
        public static readonly TensorIndex Colon = new(IndexKind.Slice);

        public static implicit operator TensorIndex(long index) => Single(index);
        public static implicit operator TensorIndex(int index) => Single(index);
        public static implicit operator TensorIndex(bool value) => Bool(value);
        public static implicit operator TensorIndex(torch.Tensor tensor) => Tensor(tensor);

        /// <summary>C# Index: ^1 is -1, as in TorchSharp.</summary>
        public static implicit operator TensorIndex(Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);

        /// <summary>C# Range: 1..3, ..^1, .. (all).</summary>
        public static implicit operator TensorIndex(Range range) => Slice(
            range.Start.IsFromEnd ? -range.Start.Value : range.Start.Value,
            range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value);

        /// <summary>(start, stop) tuples, either may be null.</summary>
        public static implicit operator TensorIndex((int? start, int? end) range) => Slice(range.start, range.end);

        public override string ToString() => Kind switch
        {
            IndexKind.Single => Start!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IndexKind.Slice => $"{Start}:{Stop}" + (Step is { } s ? $":{s}" : ""),
            IndexKind.Ellipsis => "...",
            IndexKind.None => "None",
            IndexKind.Bool => Start == 1 ? "True" : "False",
            _ => "Tensor",
        };
    }
}
