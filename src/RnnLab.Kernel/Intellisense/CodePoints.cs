namespace RnnLab.Kernel.Intellisense;

/// <summary>
/// Jupyter counts cursor positions in Unicode code points (protocol 5.2+); C# strings are UTF-16,
/// where a character outside the BMP (an emoji) takes two chars. These convert both ways.
/// </summary>
public static class CodePoints
{
    /// <summary>The UTF-16 index of the code point at <paramref name="codePointOffset"/> (clamped to the text).</summary>
    public static int ToUtf16(string text, int codePointOffset)
    {
        int index = 0;
        for (int seen = 0; seen < codePointOffset && index < text.Length; seen++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }

    /// <summary>The number of code points before UTF-16 index <paramref name="utf16Offset"/>.</summary>
    public static int FromUtf16(string text, int utf16Offset)
    {
        int end = Math.Clamp(utf16Offset, 0, text.Length);
        int count = 0;
        for (int index = 0; index < end; count++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return count;
    }
}
