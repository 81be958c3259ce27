using RnnLab.Torch.Random;

namespace RnnLab.Torch;

public static partial class torch
{
    private const int MaxMultinomialCategories = 1 << 24;

    /// <summary>
    /// Draws category indices from the (unnormalised) probabilities in each row of
    /// <paramref name="input"/> (1-D or 2-D float32), as <c>torch.multinomial</c> on the CPU:
    /// without replacement, the exponential race (argmax or top-k of p / Exp(1));
    /// with replacement, a binary search of the normalised float cumulative sums with double uniforms.
    /// </summary>
    public static Tensor multinomial(Tensor input, long num_samples, bool replacement = false, Generator? generator = null)
    {
        if (input.dtype != ScalarType.Float32)
            throw new NotSupportedException($"multinomial only supports floating-point dtypes for input, got {Tensor.DTypeName(input.dtype)}");
        if (num_samples <= 0) throw new ArgumentException("cannot sample n_sample <= 0 samples");
        if (input.dim() is not (1 or 2)) throw new ArgumentException($"prob_dist must be 1 or 2 dim, got a {input.dim()}-D tensor");
        long[] shape = input.shape;
        int categories = (int)shape[^1];
        int rows = shape.Length == 2 ? (int)shape[0] : 1;
        if (!replacement && num_samples > categories)
            throw new ArgumentException("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        if (categories > MaxMultinomialCategories) throw new ArgumentException("number of categories cannot exceed 2^24");

        float[] probabilities = input.ToFloatArray();
        long[] resultShape = shape.Length == 2 ? [rows, num_samples] : [num_samples];
        var result = new long[rows * num_samples];
        if (result.Length == 0) return Tensor.FromContiguous(result, resultShape);
        Generator source = generator ?? Generator.Default;
        if (!replacement)
            SampleByExponentialRace(probabilities, rows, categories, (int)num_samples, result, source);
        else
            SampleWithReplacement(probabilities, rows, categories, (int)num_samples, result, source);
        return Tensor.FromContiguous(result, resultShape);
    }

    public sealed partial class Tensor
    {
        /// <summary>Draws category indices from this tensor's rows; see <see cref="torch.multinomial"/>.</summary>
        public Tensor multinomial(long num_samples, bool replacement = false, Generator? generator = null) =>
            torch.multinomial(this, num_samples, replacement, generator);
    }

    /// <summary>
    /// Sampling without replacement as a race: each category gets p / q with q ~ Exp(1) (one double
    /// draw per element, rounded to float), and the largest ratios win, in descending order.
    /// </summary>
    private static void SampleByExponentialRace(float[] probabilities, int rows, int categories, int samples, long[] result, Generator source)
    {
        foreach (float p in probabilities)
            if (!(p >= 0 && p < float.PositiveInfinity)) throw new ArgumentException("probability tensor contains either `inf`, `nan` or element < 0");
        for (int row = 0; row < rows; row++)
        {
            double rowSum = 0;
            for (int c = 0; c < categories; c++) rowSum += probabilities[row * categories + c];
            if (rowSum == 0) throw new ArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
        }
        var ratios = new float[probabilities.Length];
        lock (source.SyncRoot)
        {
            for (int i = 0; i < ratios.Length; i++) ratios[i] = (float)Sampling.Exponential(source, 1.0);
        }
        for (int i = 0; i < ratios.Length; i++) ratios[i] = probabilities[i] / ratios[i];

        var order = new int[categories];
        for (int row = 0; row < rows; row++)
        {
            int rowStart = row * categories;
            for (int c = 0; c < categories; c++) order[c] = c;
            // Descending by ratio; equal ratios (zero probabilities) keep index order.
            Array.Sort(order, (a, b) =>
            {
                float ra = ratios[rowStart + a], rb = ratios[rowStart + b];
                return ra != rb ? rb.CompareTo(ra) : a.CompareTo(b);
            });
            for (int s = 0; s < samples; s++) result[row * samples + s] = order[s];
        }
    }

    /// <summary>ATen's multinomial_with_replacement kernel: float cumulative sums, double uniforms, binary search.</summary>
    private static void SampleWithReplacement(float[] probabilities, int rows, int categories, int samples, long[] result, Generator source)
    {
        var cumulative = new float[categories];
        lock (source.SyncRoot)
        {
            for (int row = 0; row < rows; row++)
            {
                float sum = 0;
                for (int c = 0; c < categories; c++)
                {
                    float p = probabilities[row * categories + c];
                    if (!(p >= 0)) throw new ArgumentException("invalid multinomial distribution (encountering probability entry < 0)");
                    if (!float.IsFinite(p)) throw new ArgumentException("invalid multinomial distribution (encountering probability entry = infinity or NaN)");
                    sum += p;
                    cumulative[c] = sum;
                }
                if (!(sum > 0)) throw new ArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
                for (int c = 0; c < categories; c++) cumulative[c] /= sum;
                cumulative[categories - 1] = 1; // rounding must not leave the last bucket short of 1

                for (int s = 0; s < samples; s++)
                {
                    double u = Sampling.UnitDouble(source);
                    int left = 0, right = categories;
                    while (right > left)
                    {
                        int mid = left + (right - left) / 2;
                        if (cumulative[mid] < u) left = mid + 1;
                        else right = mid;
                    }
                    result[row * samples + s] = left;
                }
            }
        }
    }
}
