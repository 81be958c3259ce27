using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace RnnLab.Torch.Kernels;

/// <summary>
/// Single-precision matrix multiply on row-major spans: C = alpha * op(A) * op(B) + beta * C,
/// where op(X) is X or its transpose. The one entry point every matmul, Linear and fused RNN
/// kernel uses, so optimising it speeds up everything.
/// </summary>
/// <remarks>
/// Large products use the BLIS/GotoBLAS scheme: B is packed into KC x NR column panels, A into
/// MC x KC blocks of MR-row panels (which also absorbs the four transpose combinations), and an
/// MR x NR register-blocked micro-kernel of fused multiply-adds (AVX-512: 12x32 in 24 of the 32
/// zmm registers, else 6x16 in 12 of the 16 ymm registers) runs over the packed panels; edge tiles go through a small scratch tile.
/// Tiny products skip packing. Row blocks of A run in parallel only when the product is large
/// enough to pay for a second thread.
/// </remarks>
internal static class Gemm
{
    private const int KC = 256;
    private const int MC = 96;
    private const int NC = 2048;

    /// <summary>Below this many multiply-adds, packing costs more than it saves.</summary>
    private const long PackingThreshold = 24 * 24 * 24;

    /// <summary>Above this many multiply-adds, a second thread pays for its start-up.</summary>
    private const long ParallelThreshold = 160L * 160 * 160;

    /// <summary>Upper bound on threads one Sgemm uses (1 makes every product single-threaded, e.g. for benchmarks).</summary>
    public static int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    private static readonly bool UseAvx512 = Vector512.IsHardwareAccelerated;
    private static readonly int MR = UseAvx512 ? 12 : 6;
    private static readonly int NR = UseAvx512 ? 32 : 16;

    /// <param name="transA">Use A transposed: A is stored k x m (lda >= m) instead of m x k (lda >= k).</param>
    /// <param name="transB">Use B transposed: B is stored n x k (ldb >= k) instead of k x n (ldb >= n).</param>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        if (m == 0 || n == 0) return;
        ScaleC(m, n, beta, c, ldc);
        if (k == 0 || alpha == 0f) return;
        if ((long)m * n * k <= PackingThreshold || !Vector256.IsHardwareAccelerated)
        {
            SmallGemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, c, ldc);
            return;
        }
        unsafe
        {
            fixed (float* pa = a, pb = b, pc = c)
                PackedGemm(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, pc, ldc);
        }
    }

    private static void ScaleC(int m, int n, float beta, Span<float> c, int ldc)
    {
        if (beta == 1f) return;
        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * ldc, n);
            if (beta == 0f) row.Clear(); // not 0 * C: C may hold NaN from an uninitialised buffer
            else TensorPrimitives.Multiply(row, beta, row);
        }
    }

    /// <summary>Direct loops for small products: row axpys, or dot products when B is transposed.</summary>
    private static void SmallGemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * ldc, n);
            if (transB && !transA)
            {
                ReadOnlySpan<float> aRow = a.Slice(i * lda, k);
                for (int j = 0; j < n; j++) row[j] += alpha * TensorPrimitives.Dot(aRow, b.Slice(j * ldb, k));
                continue;
            }
            for (int p = 0; p < k; p++)
            {
                float aip = alpha * (transA ? a[p * lda + i] : a[i * lda + p]);
                if (!transB) TensorPrimitives.MultiplyAdd(b.Slice(p * ldb, n), aip, row, row);
                else for (int j = 0; j < n; j++) row[j] += aip * b[j * ldb + p];
            }
        }
    }

    private static unsafe void PackedGemm(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float* c, int ldc)
    {
        int nr = NR;
        int ncMax = Math.Min(NC, RoundUp(n, nr));
        float[] packedB = ArrayPool<float>.Shared.Rent(KC * ncMax);
        try
        {
            fixed (float* pb = packedB)
            {
                for (int jc = 0; jc < n; jc += NC)
                {
                    int nc = Math.Min(NC, n - jc);
                    for (int pc = 0; pc < k; pc += KC)
                    {
                        int kc = Math.Min(KC, k - pc);
                        PackB(transB, b, ldb, pc, jc, kc, nc, nr, pb);
                        MultiplyPackedBlock(transA, m, k, alpha, a, lda, c, ldc, jc, nc, pc, kc, pb);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(packedB);
        }
    }

    /// <summary>C[:, jc..jc+nc] += alpha * op(A)[:, pc..pc+kc] * (the packed kc x nc block of op(B)).</summary>
    private static unsafe void MultiplyPackedBlock(bool transA, int m, int k, float alpha, float* a, int lda, float* c, int ldc,
        int jc, int nc, int pc, int kc, float* pb)
    {
        int blocks = (m + MC - 1) / MC;
        long work = (long)m * nc * kc;
        int threads = Math.Min(MaxDegreeOfParallelism, blocks);
        if (threads > 1 && work * ((k + KC - 1) / KC) >= ParallelThreshold)
        {
            // Each worker packs its own A blocks; B's packed panel is shared read-only.
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => ArrayPool<float>.Shared.Rent(MC * KC),
                (block, _, packedA) =>
                {
                    RunBlock(transA, a, lda, c, ldc, alpha, block * MC, jc, pc, Math.Min(MC, m - block * MC), nc, kc, pb, packedA);
                    return packedA;
                },
                packedA => ArrayPool<float>.Shared.Return(packedA));
        }
        else
        {
            float[] packedA = ArrayPool<float>.Shared.Rent(MC * KC);
            for (int ic = 0; ic < m; ic += MC)
                RunBlock(transA, a, lda, c, ldc, alpha, ic, jc, pc, Math.Min(MC, m - ic), nc, kc, pb, packedA);
            ArrayPool<float>.Shared.Return(packedA);
        }
    }

    /// <summary>
    /// Packs op(B) (k x n) once, in the layout the product loops read (per NC column block, per KC row block,
    /// NR-wide panels), for a B used by many products: a recurrent layer's hidden weight is multiplied at
    /// every time step, and packing it each time cost as much as the product itself.
    /// </summary>
    public static PackedMatrix Pack(bool transB, int k, int n, ReadOnlySpan<float> b, int ldb)
    {
        // Products small enough for the direct loops (or machines without vectors) read B as given: keep that
        // copy where such a product is possible, so packed calls decide exactly as unpacked ones. Panels for a
        // small B are made on first use, since most of its products never need them.
        if ((long)k * n <= PackingThreshold || !Vector256.IsHardwareAccelerated)
        {
            int rows = transB ? n : k, cols = transB ? k : n;
            var plain = new float[(long)rows * cols];
            for (int r = 0; r < rows; r++) b.Slice(r * ldb, cols).CopyTo(plain.AsSpan(r * cols, cols));
            return new PackedMatrix(k, n, transB, panels: null, plain);
        }
        return new PackedMatrix(k, n, transB, Panels(transB, k, n, b, ldb), plain: null);
    }

    /// <summary>op(B) in the product loops' layout: per NC column block, per KC row block, NR-wide panels.</summary>
    private static float[] Panels(bool transB, int k, int n, ReadOnlySpan<float> b, int ldb)
    {
        int nr = NR;
        long size = 0;
        for (int jc = 0; jc < n; jc += NC) size += (long)k * RoundUp(Math.Min(NC, n - jc), nr);
        var panels = new float[size];
        unsafe
        {
            fixed (float* pb = b, dst = panels)
            {
                float* block = dst;
                for (int jc = 0; jc < n; jc += NC)
                {
                    int nc = Math.Min(NC, n - jc);
                    for (int pc = 0; pc < k; pc += KC)
                    {
                        int kc = Math.Min(KC, k - pc);
                        PackB(transB, pb, ldb, pc, jc, kc, nc, nr, block);
                        block += (long)kc * RoundUp(nc, nr);
                    }
                }
            }
        }
        return panels;
    }

    /// <summary>
    /// C = alpha * op(A) * B + beta * C with B from <see cref="Pack"/>: bit-for-bit the result of the unpacked
    /// call (same blocking, same order of operations), without packing B again.
    /// </summary>
    public static void Sgemm(bool transA, int m, float alpha, ReadOnlySpan<float> a, int lda, PackedMatrix b, float beta, Span<float> c, int ldc)
    {
        int n = b.Columns, k = b.Rows;
        if (m == 0 || n == 0) return;
        if ((long)m * n * k <= PackingThreshold || !Vector256.IsHardwareAccelerated)
        {
            Sgemm(transA, b.PlainTransposed, m, n, k, alpha, a, lda, b.Plain!, b.PlainTransposed ? k : n, beta, c, ldc);
            return;
        }
        ScaleC(m, n, beta, c, ldc);
        if (k == 0 || alpha == 0f) return;
        float[] panels = b.Panels ??= Panels(b.PlainTransposed, k, n, b.Plain!, b.PlainTransposed ? k : n);
        unsafe
        {
            fixed (float* pa = a, pb = panels, pc = c)
            {
                float* block = pb;
                for (int jc = 0; jc < n; jc += NC)
                {
                    int nc = Math.Min(NC, n - jc);
                    for (int p0 = 0; p0 < k; p0 += KC)
                    {
                        int kc = Math.Min(KC, k - p0);
                        MultiplyPackedBlock(transA, m, k, alpha, pa, lda, pc, ldc, jc, nc, p0, kc, block);
                        block += (long)kc * RoundUp(nc, NR);
                    }
                }
            }
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static unsafe void RunBlock(bool transA, float* a, int lda, float* c, int ldc, float alpha,
        int ic, int jc, int pc, int mc, int nc, int kc, float* pb, float[] packedA)
    {
        int mr = MR, nr = NR;
        fixed (float* pa = packedA)
        {
            PackA(transA, a, lda, ic, pc, mc, kc, mr, pa);
            float* tile = stackalloc float[12 * 32];
            for (int jr = 0; jr < nc; jr += nr)
            {
                int nrEff = Math.Min(nr, nc - jr);
                float* bPanel = pb + (long)(jr / nr) * kc * nr;
                for (int ir = 0; ir < mc; ir += mr)
                {
                    int mrEff = Math.Min(mr, mc - ir);
                    float* aPanel = pa + (long)(ir / mr) * kc * mr;
                    float* cTile = c + (long)(ic + ir) * ldc + jc + jr;
                    if (mrEff == mr && nrEff == nr)
                        MicroKernel(kc, aPanel, bPanel, cTile, ldc, alpha);
                    else
                    {
                        new Span<float>(tile, mr * nr).Clear();
                        MicroKernel(kc, aPanel, bPanel, tile, nr, alpha);
                        for (int i = 0; i < mrEff; i++)
                            for (int j = 0; j < nrEff; j++) cTile[(long)i * ldc + j] += tile[i * nr + j];
                    }
                }
            }
        }
    }

    /// <summary>op(B)[pc.., jc..] (kc x nc) into NR-wide column panels, zero-padded: panel p holds kc rows of NR.</summary>
    private static unsafe void PackB(bool transB, float* b, int ldb, int pc, int jc, int kc, int nc, int nr, float* dst)
    {
        for (int j0 = 0; j0 < nc; j0 += nr)
        {
            int width = Math.Min(nr, nc - j0);
            float* panel = dst + (long)(j0 / nr) * kc * nr;
            if (!transB)
            {
                for (int p = 0; p < kc; p++)
                {
                    float* src = b + (long)(pc + p) * ldb + jc + j0;
                    float* row = panel + p * nr;
                    new ReadOnlySpan<float>(src, width).CopyTo(new Span<float>(row, width));
                    if (width < nr) new Span<float>(row + width, nr - width).Clear();
                }
            }
            else
            {
                for (int j = 0; j < nr; j++)
                {
                    if (j >= width)
                    {
                        for (int p = 0; p < kc; p++) panel[p * nr + j] = 0f;
                        continue;
                    }
                    float* src = b + (long)(jc + j0 + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) panel[p * nr + j] = src[p];
                }
            }
        }
    }

    /// <summary>op(A)[ic.., pc..] (mc x kc) into MR-tall row panels, zero-padded: panel p holds kc columns of MR.</summary>
    private static unsafe void PackA(bool transA, float* a, int lda, int ic, int pc, int mc, int kc, int mr, float* dst)
    {
        for (int i0 = 0; i0 < mc; i0 += mr)
        {
            int height = Math.Min(mr, mc - i0);
            float* panel = dst + (long)(i0 / mr) * kc * mr;
            if (!transA)
            {
                for (int i = 0; i < mr; i++)
                {
                    if (i >= height)
                    {
                        for (int p = 0; p < kc; p++) panel[p * mr + i] = 0f;
                        continue;
                    }
                    float* src = a + (long)(ic + i0 + i) * lda + pc;
                    for (int p = 0; p < kc; p++) panel[p * mr + i] = src[p];
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    float* src = a + (long)(pc + p) * lda + ic + i0;
                    float* col = panel + p * mr;
                    int i = 0;
                    for (; i < height; i++) col[i] = src[i];
                    for (; i < mr; i++) col[i] = 0f;
                }
            }
        }
    }

    private static unsafe void MicroKernel(int kc, float* a, float* b, float* c, int ldc, float alpha)
    {
        if (UseAvx512) Kernel12x32(kc, a, b, c, ldc, alpha);
        else Kernel6x16(kc, a, b, c, ldc, alpha);
    }

    /// <summary>C[12x32] += alpha * A-panel * B-panel with 24 zmm accumulators (of 32 registers).</summary>
    private static unsafe void Kernel12x32(int kc, float* a, float* b, float* c, int ldc, float alpha)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        Vector512<float> c80 = default, c81 = default, c90 = default, c91 = default, ca0 = default, ca1 = default, cb0 = default, cb1 = default;
        for (int p = 0; p < kc; p++, a += 12, b += 32)
        {
            Vector512<float> b0 = Vector512.Load(b), b1 = Vector512.Load(b + 16);
            Vector512<float> x = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]);
            c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]);
            c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
            x = Vector512.Create(a[8]);
            c80 = Vector512.FusedMultiplyAdd(x, b0, c80); c81 = Vector512.FusedMultiplyAdd(x, b1, c81);
            x = Vector512.Create(a[9]);
            c90 = Vector512.FusedMultiplyAdd(x, b0, c90); c91 = Vector512.FusedMultiplyAdd(x, b1, c91);
            x = Vector512.Create(a[10]);
            ca0 = Vector512.FusedMultiplyAdd(x, b0, ca0); ca1 = Vector512.FusedMultiplyAdd(x, b1, ca1);
            x = Vector512.Create(a[11]);
            cb0 = Vector512.FusedMultiplyAdd(x, b0, cb0); cb1 = Vector512.FusedMultiplyAdd(x, b1, cb1);
        }
        Vector512<float> s = Vector512.Create(alpha);
        Store512(c, s, c00, c01); c += ldc;
        Store512(c, s, c10, c11); c += ldc;
        Store512(c, s, c20, c21); c += ldc;
        Store512(c, s, c30, c31); c += ldc;
        Store512(c, s, c40, c41); c += ldc;
        Store512(c, s, c50, c51); c += ldc;
        Store512(c, s, c60, c61); c += ldc;
        Store512(c, s, c70, c71); c += ldc;
        Store512(c, s, c80, c81); c += ldc;
        Store512(c, s, c90, c91); c += ldc;
        Store512(c, s, ca0, ca1); c += ldc;
        Store512(c, s, cb0, cb1);
    }

    private static unsafe void Store512(float* c, Vector512<float> alpha, Vector512<float> lo, Vector512<float> hi)
    {
        Vector512.FusedMultiplyAdd(lo, alpha, Vector512.Load(c)).Store(c);
        Vector512.FusedMultiplyAdd(hi, alpha, Vector512.Load(c + 16)).Store(c + 16);
    }

    /// <summary>C[6x16] += alpha * A-panel * B-panel with 12 ymm accumulators.</summary>
    private static unsafe void Kernel6x16(int kc, float* a, float* b, float* c, int ldc, float alpha)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++, a += 6, b += 16)
        {
            Vector256<float> b0 = Vector256.Load(b), b1 = Vector256.Load(b + 8);
            Vector256<float> x = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
        }
        Vector256<float> s = Vector256.Create(alpha);
        Store256(c, s, c00, c01); c += ldc;
        Store256(c, s, c10, c11); c += ldc;
        Store256(c, s, c20, c21); c += ldc;
        Store256(c, s, c30, c31); c += ldc;
        Store256(c, s, c40, c41); c += ldc;
        Store256(c, s, c50, c51);
    }

    private static unsafe void Store256(float* c, Vector256<float> alpha, Vector256<float> lo, Vector256<float> hi)
    {
        Vector256.FusedMultiplyAdd(lo, alpha, Vector256.Load(c)).Store(c);
        Vector256.FusedMultiplyAdd(hi, alpha, Vector256.Load(c + 8)).Store(c + 8);
    }
}
