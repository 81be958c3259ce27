using RnnLab.Torch.Autograd;
using RnnLab.Torch.Kernels;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>
        /// A 2-D float32 tensor as a Gemm operand without copying when its layout allows: row-major
        /// (unit column stride) or column-major (unit row stride, passed as a transposed operand).
        /// </summary>
        private static (float[] Data, int Offset, int Ld, bool Transposed) MatrixOperand(Tensor m)
        {
            long rows = m.Sizes[0], cols = m.Sizes[1];
            long rs = m.Strides[0], cs = m.Strides[1];
            if ((cs == 1 || cols == 1) && (rs >= cols || rows == 1))
                return ((float[])m.Storage, (int)m.Offset, (int)Math.Max(rows == 1 ? cols : rs, Math.Max(cols, 1)), false);
            if ((rs == 1 || rows == 1) && (cs >= rows || cols == 1))
                return ((float[])m.Storage, (int)m.Offset, (int)Math.Max(cols == 1 ? rows : cs, Math.Max(rows, 1)), true);
            float[] copy = m.ToArray<float>();
            return (copy, 0, (int)Math.Max(cols, 1), false);
        }

        /// <summary>c = a @ b for 2-D float32 views (any strides) into a contiguous m x n span.</summary>
        private static void MatMulInto(Tensor a, Tensor b, Span<float> c)
        {
            int m = (int)a.Sizes[0], k = (int)a.Sizes[1], n = (int)b.Sizes[1];
            if (m == 0 || n == 0) return;
            if (k == 0) { c.Clear(); return; }
            var (ad, ao, lda, ta) = MatrixOperand(a);
            var (bd, bo, ldb, tb) = MatrixOperand(b);
            Gemm.Sgemm(ta, tb, m, n, k, 1f, ad.AsSpan(ao), lda, bd.AsSpan(bo), ldb, 0f, c, n);
        }

        private static void RequireFloat(Tensor t, string op)
        {
            if (t.dtype != ScalarType.Float32)
                throw new NotSupportedException($"{op}: only float32 matrices are supported here (got {DTypeName(t.dtype)}); convert with .@float()");
        }

        /// <summary>Matrix product of two 2-D tensors.</summary>
        public Tensor mm(Tensor mat2)
        {
            if (Sizes.Length != 2) throw new ArgumentException($"self must be a matrix (got a {Sizes.Length}-D tensor)");
            if (mat2.Sizes.Length != 2) throw new ArgumentException($"mat2 must be a matrix (got a {mat2.Sizes.Length}-D tensor)");
            if (Sizes[1] != mat2.Sizes[0])
                throw new ArgumentException(
                    $"mat1 and mat2 shapes cannot be multiplied ({Sizes[0]}x{Sizes[1]} and {mat2.Sizes[0]}x{mat2.Sizes[1]})");
            RequireFloat(this, "mm");
            RequireFloat(mat2, "mm");
            var c = GC.AllocateUninitializedArray<float>((int)(Sizes[0] * mat2.Sizes[1])); // Sgemm with beta 0 writes all of it
            MatMulInto(this, mat2, c);
            Tensor result = FromContiguous(c, [Sizes[0], mat2.Sizes[1]]);
            Tensor a = this;
            return FunctionBackward.Record("MmBackward0", result, [a, mat2], g =>
                [a.requires_grad ? g.mm(mat2.t()) : null, mat2.requires_grad ? a.t().mm(g) : null]);
        }

        /// <summary>Batched matrix product: [B, n, m] @ [B, m, p] -> [B, n, p].</summary>
        public Tensor bmm(Tensor batch2)
        {
            if (Sizes.Length != 3) throw new ArgumentException($"batch1 must be a 3D tensor (got {Sizes.Length}-D)");
            if (batch2.Sizes.Length != 3) throw new ArgumentException($"batch2 must be a 3D tensor (got {batch2.Sizes.Length}-D)");
            if (batch2.Sizes[0] != Sizes[0] || batch2.Sizes[1] != Sizes[2])
                throw new ArgumentException(
                    $"Expected size for first two dimensions of batch2 tensor to be: [{Sizes[0]}, {Sizes[2]}] but got: [{batch2.Sizes[0]}, {batch2.Sizes[1]}].");
            RequireFloat(this, "bmm");
            RequireFloat(batch2, "bmm");
            long batches = Sizes[0], m = Sizes[1], n = batch2.Sizes[2];
            var c = GC.AllocateUninitializedArray<float>((int)(batches * m * n));
            Tensor ra = detach(), rb = batch2.detach();
            for (long i = 0; i < batches; i++)
                MatMulInto(ra.SelectRaw(0, i), rb.SelectRaw(0, i), c.AsSpan((int)(i * m * n), (int)(m * n)));
            Tensor result = FromContiguous(c, [batches, m, n]);
            Tensor a = this;
            return FunctionBackward.Record("BmmBackward0", result, [a, batch2], g =>
                [a.requires_grad ? g.bmm(batch2.transpose(1, 2)) : null, batch2.requires_grad ? a.transpose(1, 2).bmm(g) : null]);
        }

        /// <summary>select() without autograd, for kernels.</summary>
        private Tensor SelectRaw(int d, long i) =>
            AsStrided([.. Sizes[..d], .. Sizes[(d + 1)..]], [.. Strides[..d], .. Strides[(d + 1)..]], Offset + i * Strides[d]);

        /// <summary>
        /// PyTorch's matmul: dot for 1-D·1-D, matrix-vector, vector-matrix, mm, and batched products
        /// with broadcast batch dims.
        /// </summary>
        public Tensor matmul(Tensor other)
        {
            int ra = Sizes.Length, rb = other.Sizes.Length;
            if (ra == 0 || rb == 0)
                throw new ArgumentException($"both arguments to matmul need to be at least 1D, but they are {ra}D and {rb}D");
            if (ra == 1 && rb == 1)
            {
                if (Sizes[0] != other.Sizes[0])
                    throw new ArgumentException(
                        $"inconsistent tensor size, expected tensor [{Sizes[0]}] and src [{other.Sizes[0]}] to have the same number of elements, but got {Sizes[0]} and {other.Sizes[0]} elements respectively");
                Tensor x = this;
                RequireFloat(x, "dot");
                RequireFloat(other, "dot");
                Tensor dotValue = FromContiguous([System.Numerics.Tensors.TensorPrimitives.Dot(x.ReadFloats(), other.ReadFloats())], []);
                return FunctionBackward.Record("DotBackward0", dotValue, [x, other], g =>
                    [x.requires_grad ? other.mul(g) : null, other.requires_grad ? x.mul(g) : null]);
            }
            if (ra == 2 && rb == 1)
            {
                if (Sizes[1] != other.Sizes[0])
                    throw new ArgumentException($"size mismatch, got input ({Sizes[0]}), mat ({Sizes[0]}x{Sizes[1]}), vec ({other.Sizes[0]})");
                Tensor mat = this, vec = other;
                Tensor mvValue;
                using (Autograd.GradMode.Set(false)) mvValue = mm(vec.unsqueeze(1)).squeeze(1);
                return FunctionBackward.Record("MvBackward0", mvValue, [mat, vec], g =>
                    [mat.requires_grad ? g.unsqueeze(1).mul(vec.unsqueeze(0)) : null, vec.requires_grad ? mat.t().matmul(g) : null]);
            }
            if (ra == 1 && rb == 2)
            {
                if (Sizes[0] != other.Sizes[0])
                    throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied (1x{Sizes[0]} and {other.Sizes[0]}x{other.Sizes[1]})");
                return unsqueeze(0).mm(other).squeeze(0);
            }
            if (ra == 2 && rb == 2) return mm(other);
            if (rb == 2 || (rb == 1 && ra > 2))
            {
                // [..., m, k] @ [k, n]: fold the batch into rows, one big Gemm (how PyTorch runs Linear on 3-D input).
                Tensor b = rb == 1 ? other.unsqueeze(1) : other;
                long k = Sizes[^1];
                if (k != b.Sizes[0])
                    throw new ArgumentException(
                        $"mat1 and mat2 shapes cannot be multiplied ({ShapeNumel(Sizes) / Math.Max(k, 1)}x{k} and {b.Sizes[0]}x{b.Sizes[1]})");
                Tensor folded = reshape(-1, k).mm(b);
                long[] outShape = [.. Sizes[..^1], b.Sizes[1]];
                Tensor result = folded.ViewNamed(outShape, "UnsafeViewBackward0");
                return rb == 1 ? result.squeeze(-1) : result;
            }
            Tensor left = ra == 1 ? unsqueeze(0) : this;
            Tensor right = rb == 1 ? other.unsqueeze(1) : other;
            long[] batchA = left.Sizes[..^2], batchB = right.Sizes[..^2];
            long[] batch = BroadcastShapes(batchA, batchB);
            long m = left.Sizes[^2], kk = left.Sizes[^1], n = right.Sizes[^1];
            if (right.Sizes[^2] != kk)
                throw new ArgumentException(
                    $"Expected size for first two dimensions of batch2 tensor to be: [{ShapeNumel(batch)}, {kk}] but got: [{ShapeNumel(batch)}, {right.Sizes[^2]}].");
            long flat = ShapeNumel(batch);
            Tensor a3 = left.expand([.. batch, m, kk]).reshape(flat, m, kk);
            Tensor b3 = right.expand([.. batch, kk, n]).reshape(flat, kk, n);
            Tensor product = a3.bmm(b3).ViewNamed([.. batch, m, n], "UnsafeViewBackward0");
            if (ra == 1) product = product.squeeze(-2);
            if (rb == 1) product = product.squeeze(-1);
            return product;
        }

        /// <summary>Dot product of two 1-D tensors.</summary>
        public Tensor dot(Tensor other)
        {
            if (Sizes.Length != 1 || other.Sizes.Length != 1)
                throw new ArgumentException($"1D tensors expected, but got {Sizes.Length}D and {other.Sizes.Length}D tensors");
            return matmul(other);
        }
    }

    /// <summary>PyTorch's matmul.</summary>
    public static Tensor matmul(Tensor input, Tensor other) => input.matmul(other);

    /// <summary>Matrix product of two matrices.</summary>
    public static Tensor mm(Tensor input, Tensor mat2) => input.mm(mat2);

    /// <summary>Batched matrix product.</summary>
    public static Tensor bmm(Tensor input, Tensor batch2) => input.bmm(batch2);
}
