using RnnLab.Torch;

namespace RnnLab;

/// <summary>
/// Choosing the next token from a model's scores (logits over the vocabulary): greedy takes the
/// most likely; temperature sampling draws from softmax(logits / T) with a seeded generator.
/// </summary>
public static class Sampling
{
    /// <summary>The index of the largest logit (the first, on ties).</summary>
    public static long Greedy(torch.Tensor logits)
    {
        double[] values = TensorValues.Vector(logits, nameof(logits));
        return Array.IndexOf(values, values.Max());
    }

    /// <summary>softmax(logits / temperature): low temperatures sharpen, high ones flatten.</summary>
    public static double[] Probabilities(torch.Tensor logits, double temperature)
    {
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be positive");
        double[] scaled = [.. TensorValues.Vector(logits, nameof(logits)).Select(v => v / temperature)];
        double max = scaled.Max();
        double[] weights = [.. scaled.Select(v => Math.Exp(v - max))];
        double total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    /// <summary>
    /// Draws an index from softmax(logits / temperature) by inverse CDF: one uniform u from
    /// <paramref name="generator"/>, then the first index whose cumulative probability exceeds u.
    /// The same generator seed gives the same draws, so sampled text is reproducible.
    /// </summary>
    public static long WithTemperature(torch.Tensor logits, double temperature, torch.Generator generator)
    {
        double[] probabilities = Probabilities(logits, temperature);
        double u = torch.rand(1, generator: generator).item<float>();
        double cumulative = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative) return i;
        }
        return probabilities.Length - 1; // u landed in the rounding gap above the last cumulative sum
    }
}
