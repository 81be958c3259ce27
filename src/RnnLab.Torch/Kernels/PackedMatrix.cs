namespace RnnLab.Torch.Kernels;

/// <summary>
/// The right-hand matrix of <see cref="Gemm"/> packed once for many products (see <see cref="Gemm.Pack"/>).
/// It is a snapshot: later changes to the source matrix are not seen.
/// </summary>
internal sealed class PackedMatrix
{
    internal PackedMatrix(int rows, int columns, bool plainTransposed, float[]? panels, float[]? plain)
    {
        Rows = rows;
        Columns = columns;
        PlainTransposed = plainTransposed;
        Panels = panels;
        Plain = plain;
    }

    /// <summary>k: rows of op(B).</summary>
    public int Rows { get; }

    /// <summary>n: columns of op(B).</summary>
    public int Columns { get; }

    /// <summary>
    /// Gemm's NR-wide panels; for a small B made on first use (null until then, and without vector hardware).
    /// Making them is idempotent, so threads racing on a first use only do the work twice.
    /// </summary>
    internal float[]? Panels { get; set; }

    /// <summary>B as given (n x k when <see cref="PlainTransposed"/>), compacted, kept only where the direct loops may read it (small k x n, or no vector hardware).</summary>
    internal float[]? Plain { get; }

    internal bool PlainTransposed { get; }
}
