namespace RnnLab.Torch.Kernels;

/// <summary>
/// Single-precision matrix multiply on row-major spans: C = alpha * op(A) * op(B) + beta * C,
/// where op(X) is X or its transpose. The one entry point every matmul, Linear and fused RNN
/// kernel uses, so optimising it speeds up everything.
/// </summary>
internal static class Gemm
{
    /// <param name="transA">Use A transposed: A is stored k x m (lda >= m) instead of m x k (lda >= k).</param>
    /// <param name="transB">Use B transposed: B is stored n x k (ldb >= k) instead of k x n (ldb >= n).</param>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * ldc, n);
            if (beta == 0f) row.Clear();
            else if (beta != 1f) System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
            for (int p = 0; p < k; p++)
            {
                float aip = alpha * (transA ? a[p * lda + i] : a[i * lda + p]);
                if (!transB)
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(b.Slice(p * ldb, n), aip, row, row);
                }
                else
                {
                    for (int j = 0; j < n; j++) row[j] += aip * b[j * ldb + p];
                }
            }
        }
    }
}
