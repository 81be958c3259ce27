using System.Numerics.Tensors;

namespace RnnLab.Torch;

/// <summary>Small row-major matrix helpers shared by the fused nn kernels.</summary>
internal static class MatrixLayout
{
    /// <summary>The (cols x rows) transpose of a row-major (rows x cols) matrix.</summary>
    public static float[] Transpose(ReadOnlySpan<float> source, int rows, int cols)
    {
        var result = new float[(long)rows * cols];
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = source.Slice(r * cols, cols);
            for (int c = 0; c < cols; c++) result[(long)c * rows + r] = row[c];
        }
        return result;
    }

    /// <summary>Adds <paramref name="vector"/> to each of the first <paramref name="rows"/> rows of <paramref name="matrix"/>.</summary>
    public static void AddRowVector(Span<float> matrix, ReadOnlySpan<float> vector, int rows)
    {
        int cols = vector.Length;
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = matrix.Slice(r * cols, cols);
            TensorPrimitives.Add(row, vector, row);
        }
    }

    /// <summary>Accumulates the column sums of a (rows x cols) matrix into <paramref name="sums"/>.</summary>
    public static void SumRows(ReadOnlySpan<float> matrix, int rows, int cols, Span<float> sums)
    {
        for (int r = 0; r < rows; r++) TensorPrimitives.Add(sums, matrix.Slice(r * cols, cols), sums);
    }
}
