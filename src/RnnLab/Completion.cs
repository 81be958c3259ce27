using static TorchSharp.torch;

namespace RnnLab;

/// <summary>
/// Greedy text completion with a character model, re-reading the whole text at each step (the
/// simple way notebook 04 builds by hand; notebook 05 reuses it for LSTM and GRU models).
/// </summary>
public static class Completion
{
    /// <summary>
    /// Extends <paramref name="prefix"/> to <paramref name="length"/> characters, each time appending
    /// the most likely next character (torch.argmax of the last position's scores). <paramref name="logits"/>
    /// maps a (1, sequence, V) float32 one-hot batch on <paramref name="device"/> (the CPU by default)
    /// to (1, sequence, V) scores.
    /// </summary>
    /// <exception cref="ArgumentException">The model returned something other than (1, sequence, V) real scores.</exception>
    public static string Greedy(Func<Tensor, Tensor> logits, CharVocabulary vocabulary, string prefix, int length,
        Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var text = prefix;
        using var _ = no_grad();
        while (text.Length < length)
        {
            using var step = NewDisposeScope();      // this step's one-hot batch and scores
            var input = nn.functional.one_hot(vocabulary.Encode([text], device), vocabulary.Size).to(ScalarType.Float32);
            var scores = logits(input);
            long[] expected = [1, text.Length, vocabulary.Size];
            if (scores is null || !scores.shape.SequenceEqual(expected))
                throw new ArgumentException(
                    $"Completion.Greedy: logits must map the input {TensorArguments.Size(input.shape)} to scores of "
                    + $"{TensorArguments.Size(expected)} = (1, sequence, vocabulary), but returned "
                    + (scores is null ? "null" : TensorArguments.Size(scores.shape)), nameof(logits));
            TensorArguments.Real(scores, "Completion.Greedy", nameof(logits));
            text += vocabulary.Chars[(int)scores[0, -1].argmax().item<long>()];
        }
        return text;
    }
}
