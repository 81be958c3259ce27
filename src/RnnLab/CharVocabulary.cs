using static TorchSharp.torch;

namespace RnnLab;

/// <summary>
/// The characters a character-level model can read and write, each with a fixed index. Built
/// sorted (not in hash-set order, which changes between runs), so index 0 is always the same
/// character and every run trains the same model.
/// </summary>
public sealed class CharVocabulary
{
    private readonly Dictionary<char, int> _indexOf;

    private CharVocabulary(string chars, char pad)
    {
        Chars = chars;
        Pad = pad;
        _indexOf = chars.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
    }

    /// <summary>Every distinct character of <paramref name="texts"/> plus the padding character, sorted by code point.</summary>
    public static CharVocabulary FromTexts(IEnumerable<string> texts, char pad = ' ')
    {
        var distinct = new SortedSet<char>(texts.SelectMany(t => t)) { pad };
        return new CharVocabulary(string.Concat(distinct), pad);
    }

    /// <summary>The characters in index order: Chars[i] is the character with index i.</summary>
    public string Chars { get; }

    /// <summary>The character that fills short texts up to a common length.</summary>
    public char Pad { get; }

    /// <summary>How many characters: the size of a one-hot vector and of the model's output.</summary>
    public int Size => Chars.Length;

    /// <summary>The index of one character.</summary>
    /// <exception cref="ArgumentException">For a character the vocabulary has never seen.</exception>
    public int IndexOf(char c) => _indexOf.TryGetValue(c, out int index)
        ? index
        : throw new ArgumentException($"'{c}' is not in the vocabulary \"{Chars}\"", nameof(c));

    /// <summary>The indices of a text's characters, in order.</summary>
    public long[] Encode(string text) => [.. text.Select(c => (long)IndexOf(c))];

    /// <summary>The text spelled by a sequence of indices.</summary>
    public string Decode(IEnumerable<long> indices) => string.Concat(indices.Select(i =>
        i >= 0 && i < Size ? Chars[(int)i] : throw new ArgumentOutOfRangeException(nameof(indices), $"index {i} is outside the vocabulary of {Size}")));

    /// <summary>Each text padded on the right with <see cref="Pad"/> to the length of the longest.</summary>
    public IReadOnlyList<string> PadToLongest(IEnumerable<string> texts)
    {
        var list = texts.ToList();
        int width = list.Count == 0 ? 0 : list.Max(t => t.Length);
        return [.. list.Select(t => t.PadRight(width, Pad))];
    }

    /// <summary>
    /// Equal-length texts as a (texts, length) Int64 tensor of indices on <paramref name="device"/>
    /// (the CPU by default): the class targets of a cross-entropy loss, and what
    /// nn.functional.one_hot turns into a model's input.
    /// </summary>
    public Tensor Encode(IReadOnlyList<string> texts, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0) throw new ArgumentException("no texts to encode", nameof(texts));
        int length = texts[0].Length;
        if (texts.Any(t => t.Length != length))
            throw new ArgumentException($"texts must have equal lengths to form a batch (got {string.Join(", ", texts.Select(t => t.Length))}); pad them first", nameof(texts));
        return tensor(texts.SelectMany(Encode).ToArray(), [texts.Count, length], device: device);
    }

    /// <summary>The vocabulary as a table: index, character (the pad shown visibly).</summary>
    public Table ToTable() => new(
        ["index", "char"],
        Chars.Select((c, i) => (IReadOnlyList<object?>)[i, Show(c)]),
        $"{Size} characters");

    /// <summary>A character as a reader can see it: quoted, so a space is visible.</summary>
    public static string Show(char c) => $"'{c}'";

    /// <summary>Shown in a notebook as its table.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => ToTable().ToMimeBundle();

    /// <summary>The characters in index order, quoted.</summary>
    public override string ToString() => $"CharVocabulary({Size}: \"{Chars}\")";
}
