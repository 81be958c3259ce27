using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>
    /// An n-dimensional array over shared storage: shape + strides + offset, so permute, transpose,
    /// view, narrow, select and slicing are views, exactly as in PyTorch. Ops live in partial files.
    /// </summary>
    public sealed partial class Tensor
    {
        /// <summary>The element array: float[] (Float32), long[] (Int64) or bool[] (Bool).</summary>
        internal readonly Array Storage;
        internal readonly long[] Sizes;
        internal readonly long[] Strides;
        internal readonly long Offset;
        private bool _requiresGrad;

        internal Tensor(Array storage, long[] sizes, long[] strides, long offset, ScalarType dtype)
        {
            if (sizes.Length != strides.Length)
                throw new ArgumentException($"shape has {sizes.Length} dims but strides have {strides.Length}");
            Storage = storage;
            Sizes = sizes;
            Strides = strides;
            Offset = offset;
            this.dtype = dtype;
        }

        /// <summary>A new contiguous tensor owning <paramref name="data"/> (not copied).</summary>
        internal static Tensor FromContiguous(float[] data, long[] shape) =>
            new(data, (long[])shape.Clone(), ContiguousStrides(shape), 0, ScalarType.Float32);

        /// <summary>A new contiguous Int64 tensor owning <paramref name="data"/> (not copied).</summary>
        internal static Tensor FromContiguous(long[] data, long[] shape) =>
            new(data, (long[])shape.Clone(), ContiguousStrides(shape), 0, ScalarType.Int64);

        /// <summary>A new contiguous Bool tensor owning <paramref name="data"/> (not copied).</summary>
        internal static Tensor FromContiguous(bool[] data, long[] shape) =>
            new(data, (long[])shape.Clone(), ContiguousStrides(shape), 0, ScalarType.Bool);

        /// <summary>Row-major strides for a shape.</summary>
        internal static long[] ContiguousStrides(ReadOnlySpan<long> shape)
        {
            var strides = new long[shape.Length];
            long stride = 1;
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                strides[d] = stride;
                stride *= Math.Max(shape[d], 1);
            }
            return strides;
        }

        /// <summary>The element type.</summary>
        public ScalarType dtype { get; }

        /// <summary>Always the CPU: this engine has no accelerator backend.</summary>
        public Device device => Device.CPU;

        /// <summary>The sizes of each dimension, as a fresh array (as in TorchSharp).</summary>
        public long[] shape => (long[])Sizes.Clone();

        /// <summary>Same as <see cref="shape"/>.</summary>
        public long[] size() => shape;

        /// <summary>The size of one dimension; negative dims count from the end.</summary>
        public long size(int dim) => Sizes.Length == 0
            ? throw new IndexOutOfRangeException($"dimension specified as {dim} but tensor has no dimensions")
            : Sizes[NormalizeDim(dim, Sizes.Length)];

        /// <summary>Number of dimensions.</summary>
        public long dim() => Sizes.Length;

        /// <summary>Number of dimensions, as a property.</summary>
        public long ndim => Sizes.Length;

        /// <summary>Number of elements.</summary>
        public long numel()
        {
            long n = 1;
            foreach (long s in Sizes) n *= s;
            return n;
        }

        /// <summary>Strides in elements, as a fresh array.</summary>
        public long[] stride() => (long[])Strides.Clone();

        /// <summary>True when elements are laid out row-major without gaps.</summary>
        public bool is_contiguous()
        {
            long expected = 1;
            for (int d = Sizes.Length - 1; d >= 0; d--)
            {
                if (Sizes[d] == 1) continue;
                if (Strides[d] != expected) return false;
                expected *= Sizes[d];
            }
            return true;
        }

        /// <summary>Whether autograd records operations on this tensor.</summary>
        /// <exception cref="InvalidOperationException">Changing the flag of a non-leaf, or asking
        /// for gradients on a non-floating dtype.</exception>
        public bool requires_grad
        {
            get => _requiresGrad;
            set
            {
                if (grad_fn is not null && !value)
                    throw new InvalidOperationException(
                        "you can only change requires_grad flags of leaf variables. If you want to use a computed " +
                        "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
                if (value && dtype != ScalarType.Float32)
                    throw new InvalidOperationException(
                        $"only Tensors of floating point dtype can require gradients (got {DTypeName(dtype)})");
                _requiresGrad = value;
            }
        }

        /// <summary>Sets <see cref="requires_grad"/> and returns this tensor, as in PyTorch.</summary>
        public Tensor requires_grad_(bool requires_grad = true)
        {
            this.requires_grad = requires_grad;
            return this;
        }

        /// <summary>The accumulated gradient of a leaf (or of a tensor that called retain_grad()).</summary>
        public Tensor? grad { get; set; }

        /// <summary>The node that produced this tensor, or null for leaves.</summary>
        public Node? grad_fn { get; private set; }

        /// <summary>Which output of <see cref="grad_fn"/> this tensor is.</summary>
        internal int OutputIndex { get; private set; }

        /// <summary>True for tensors created by the user rather than by a recorded op.</summary>
        public bool is_leaf => grad_fn is null;

        /// <summary>Keep <see cref="grad"/> on this non-leaf tensor after backward.</summary>
        public bool retains_grad { get; private set; }

        /// <summary>Ask backward to store the gradient of this non-leaf tensor in <see cref="grad"/>.</summary>
        public void retain_grad()
        {
            if (!requires_grad)
                throw new InvalidOperationException("can't retain_grad on Tensor that has requires_grad=False");
            if (grad_fn is null) return;
            retains_grad = true;
            RetainedGradRegistry.Add(this);
        }

        /// <summary>Called by <see cref="Node.Record"/>: makes this tensor output <paramref name="index"/> of <paramref name="node"/>.</summary>
        internal void AttachGradFn(Node node, int index)
        {
            grad_fn = node;
            OutputIndex = index;
            _requiresGrad = true;
        }

        internal static int NormalizeDim(long dim, int rank)
        {
            int bound = Math.Max(rank, 1);
            if (dim < -bound || dim >= bound)
                throw new IndexOutOfRangeException(
                    $"Dimension out of range (expected to be in range of [{-bound}, {bound - 1}], but got {dim})");
            return (int)(dim < 0 ? dim + bound : dim);
        }

        internal static string DTypeName(ScalarType type) => type switch
        {
            ScalarType.Float32 => "torch.float32",
            ScalarType.Int64 => "torch.int64",
            ScalarType.Bool => "torch.bool",
            _ => "torch." + type.ToString().ToLowerInvariant(),
        };

        /// <summary>Shape as PyTorch prints it in errors: [2, 3, 4].</summary>
        internal static string ShapeString(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";
    }
}
