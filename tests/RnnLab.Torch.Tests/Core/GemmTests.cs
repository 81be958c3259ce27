using RnnLab.Torch.Kernels;

namespace RnnLab.Torch.Tests.Core;

/// <summary>The packed, vectorised Sgemm against a double-precision triple loop: every transpose combination, edge tiles, leading dims, alpha/beta.</summary>
public class GemmTests
{
    /// <summary>Each (m, n, k) with all four transpose combinations.</summary>
    private static TheoryData<int, int, int, bool, bool> WithTransposes((int m, int n, int k)[] sizes)
    {
        var data = new TheoryData<int, int, int, bool, bool>();
        foreach (var (m, n, k) in sizes)
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    data.Add(m, n, k, ta, tb);
        return data;
    }

    public static TheoryData<int, int, int, bool, bool> Shapes() =>
        WithTransposes([(1, 1, 1), (3, 5, 7), (8, 32, 16), (9, 33, 17), (37, 29, 70), (97, 65, 300), (200, 150, 513)]);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatchesReference(int m, int n, int k, bool transA, bool transB)
    {
        var random = new System.Random(m * 1000 + n * 10 + k);
        // Leading dims larger than needed, so strided rows are exercised.
        int lda = (transA ? m : k) + 3, ldb = (transB ? k : n) + 2, ldc = n + 5;
        float[] a = Enumerable.Range(0, (transA ? k : m) * lda).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] b = Enumerable.Range(0, (transB ? n : k) * ldb).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] c = Enumerable.Range(0, m * ldc).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] original = (float[])c.Clone();
        const float alpha = 0.75f, beta = -0.5f;

        Gemm.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

        for (int i = 0; i < m; i++)
            for (int j = 0; j < ldc; j++)
            {
                if (j >= n)
                {
                    Assert.Equal(original[i * ldc + j], c[i * ldc + j]); // padding beyond n is untouched
                    continue;
                }
                double sum = 0;
                for (int p = 0; p < k; p++)
                    sum += (double)(transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]);
                double expected = alpha * sum + beta * original[i * ldc + j];
                Assert.True(Math.Abs(expected - c[i * ldc + j]) <= 1e-4 * Math.Sqrt(k) + 1e-5 * Math.Abs(expected),
                    $"C[{i},{j}] = {c[i * ldc + j]} but reference {expected}");
            }
    }

    // Direct-loop sizes, a small B in a product big enough for panels (made on first use), one KC block,
    // several KC blocks, more than one NC column block, recurrent step shapes.
    public static TheoryData<int, int, int, bool, bool> PackedShapes() =>
        WithTransposes([(1, 1, 1), (3, 12, 12), (9, 33, 17), (200, 24, 24), (97, 65, 300), (13, 2100, 40), (32, 1024, 256), (32, 256, 1024)]);

    [Theory]
    [MemberData(nameof(PackedShapes))]
    public void PrepackedB_GivesBitForBitTheUnpackedResult_AndIgnoresLaterChangesToB(int m, int n, int k, bool transA, bool transB)
    {
        var random = new System.Random(m * 7 + n * 3 + k);
        int lda = (transA ? m : k) + 1, ldb = (transB ? k : n) + 3, ldc = n + 2;
        float[] a = Enumerable.Range(0, (transA ? k : m) * lda).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] b = Enumerable.Range(0, (transB ? n : k) * ldb).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] start = Enumerable.Range(0, m * ldc).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] expected = (float[])start.Clone(), actual = (float[])start.Clone();
        Gemm.Sgemm(transA, transB, m, n, k, 0.75f, a, lda, b, ldb, -0.5f, expected, ldc);

        PackedMatrix packed = Gemm.Pack(transB, k, n, b, ldb);
        Array.Clear(b); // a snapshot: the source can change afterwards
        Gemm.Sgemm(transA, m, 0.75f, a, lda, packed, -0.5f, actual, ldc);
        Assert.Equal(expected, actual);
        // Again with whatever the first call prepared.
        float[] again = (float[])start.Clone();
        Gemm.Sgemm(transA, m, 0.75f, a, lda, packed, -0.5f, again, ldc);
        Assert.Equal(expected, again);
    }

    [Fact]
    public void BetaZero_OverwritesNaNInOutput()
    {
        float[] a = Enumerable.Repeat(1f, 64 * 64).ToArray();
        float[] c = Enumerable.Repeat(float.NaN, 64 * 64).ToArray();
        Gemm.Sgemm(false, false, 64, 64, 64, 1f, a, 64, a, 64, 0f, c, 64);
        Assert.All(c, v => Assert.Equal(64f, v));
    }

    [Fact]
    public void ParallelAndSerialResultsAreIdentical()
    {
        var random = new System.Random(7);
        const int size = 300;
        float[] a = Enumerable.Range(0, size * size).Select(_ => (float)random.NextDouble()).ToArray();
        float[] parallel = new float[size * size], serial = new float[size * size];
        Gemm.Sgemm(false, true, size, size, size, 1f, a, size, a, size, 0f, parallel, size);
        int previous = Gemm.MaxDegreeOfParallelism;
        try
        {
            Gemm.MaxDegreeOfParallelism = 1;
            Gemm.Sgemm(false, true, size, size, size, 1f, a, size, a, size, 0f, serial, size);
        }
        finally
        {
            Gemm.MaxDegreeOfParallelism = previous;
        }
        Assert.Equal(serial, parallel);
    }
}
