using RnnLab.Torch;

namespace RnnLab;

/// <summary>
/// Greedy text completion with a character model, re-reading the whole text at each step (the
/// simple way notebook 04 builds by hand; notebook 05 reuses it for LSTM and GRU models).
/// </summary>
public static class Completion
{
    /// <summary>
    /// Extends <paramref name="prefix"/> to <paramref name="length"/> characters, each time appending
    /// the most likely next character. <paramref name="logits"/> maps a (1, sequence, V) one-hot
    /// batch to (1, sequence, V) scores.
    /// </summary>
    public static string Greedy(Func<torch.Tensor, torch.Tensor> logits, CharVocabulary vocabulary, string prefix, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var text = prefix;
        using var _ = torch.no_grad();
        while (text.Length < length)
        {
            var scores = logits(vocabulary.OneHot(vocabulary.Encode([text])));
            if (scores.dim() != 3 || scores.shape[2] != vocabulary.Size)
                throw new ArgumentException($"the model must return (1, sequence, {vocabulary.Size}) scores, not {Shapes.Of(scores)}", nameof(logits));
            text += vocabulary.Chars[(int)Sampling.Greedy(scores[0, ^1])];
        }
        return text;
    }
}
