namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>Splits into pieces of <paramref name="size"/> along a dim (the last may be smaller). Views.</summary>
        public Tensor[] split(long size, long dim = 0)
        {
            int d = NormalizeDim(dim, Sizes.Length);
            if (size <= 0) throw new ArgumentException($"split_size can only be 0 if dimension size is 0, but got split_size={size}");
            var lengths = new List<long>();
            for (long start = 0; start < Sizes[d]; start += size) lengths.Add(Math.Min(size, Sizes[d] - start));
            if (lengths.Count == 0) lengths.Add(0);
            return Pieces(d, [.. lengths], squeeze: false, "SplitBackward0");
        }

        /// <summary>Splits into pieces of the given sizes along a dim; they must add up to the dim's size. Views.</summary>
        public Tensor[] split(long[] sizes, long dim = 0)
        {
            int d = NormalizeDim(dim, Sizes.Length);
            if (sizes.Sum() != Sizes[d])
                throw new ArgumentException(
                    $"split_with_sizes expects split_sizes to sum exactly to {Sizes[d]} (input tensor's size at dimension {d}), but got split_sizes={ShapeString(sizes)}");
            return Pieces(d, sizes, squeeze: false, "SplitWithSizesBackward0");
        }

        /// <summary>Splits into <paramref name="chunks"/> pieces of ceil(size/chunks) (fewer when it divides unevenly). Views.</summary>
        public Tensor[] chunk(long chunks, long dim = 0)
        {
            if (chunks <= 0) throw new ArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
            int d = NormalizeDim(dim, Sizes.Length);
            long size = (Sizes[d] + chunks - 1) / chunks;
            return split(Math.Max(size, 1), d);
        }

        /// <summary>All slices along a dim, each without that dim. Views.</summary>
        public Tensor[] unbind(long dimension = 0)
        {
            int d = NormalizeDim(dimension, Sizes.Length);
            var lengths = new long[Sizes[d]];
            Array.Fill(lengths, 1L);
            return Pieces(d, lengths, squeeze: true, "UnbindBackward0");
        }

        /// <summary>Consecutive pieces along dim <paramref name="d"/> as views, all outputs of one autograd node.</summary>
        private Tensor[] Pieces(int d, long[] lengths, bool squeeze, string name)
        {
            var pieces = new Tensor[lengths.Length];
            var starts = new long[lengths.Length];
            long start = 0;
            for (int i = 0; i < pieces.Length; i++)
            {
                starts[i] = start;
                Tensor piece = detach().SliceView(d, start, lengths[i], 1);
                pieces[i] = squeeze ? piece.SelectRaw(d, 0) : piece;
                start += lengths[i];
            }
            if (Autograd.Node.ShouldRecord(this)) new PiecesBackward(name, shape, d, starts, lengths, squeeze).Record([this], pieces);
            return pieces;
        }

        /// <summary>Gradient of split/unbind: each piece's gradient lands in its slice; pieces without one stay zero.</summary>
        private sealed class PiecesBackward(string nodeName, long[] inputShape, int d, long[] starts, long[] lengths, bool squeezed) : Autograd.Node
        {
            public override string name() => nodeName;

            protected override Tensor?[] Backward(Tensor?[] gradOutputs)
            {
                Tensor result = Zeros(inputShape, ScalarType.Float32);
                for (int i = 0; i < gradOutputs.Length; i++)
                    if (gradOutputs[i] is { } g)
                        result.SliceView(d, starts[i], lengths[i], 1).CopyFrom(squeezed ? g.unsqueeze(d) : g);
                return [result];
            }
        }
    }
}
