using System.Buffers.Binary;

namespace RnnLab.TorchSharpNative;

/// <summary>
/// Makes a libLibTorchSharp.so built with GCC 13 loadable with an older libstdc++ (GCC 12:
/// Debian 12, Ubuntu 22.04). GCC 13's &lt;iostream&gt; references std::ios_base_library_init
/// (_ZSt21ios_base_library_initv@GLIBCXX_3.4.32) only to force a dependency on a libstdc++ that
/// initialises the standard streams itself; nothing calls it, and libtorch (built with an older
/// GCC) initialises the streams the classic way. Two edits remove the hard dependency:
/// the GLIBCXX_3.4.32 version need becomes VER_FLG_WEAK (glibc then accepts its absence), and
/// the symbol becomes a weak, unversioned undefined reference (so it may resolve to nothing).
/// </summary>
internal static class GlibcxxWeakening
{
    public const string LibstdcxxSoname = "libstdc++.so.6";
    public const string VersionName = "GLIBCXX_3.4.32";
    public const string SymbolName = "_ZSt21ios_base_library_initv";

    /// <summary>
    /// Edits <paramref name="image"/> in place. Returns true when bytes changed, false when the
    /// image was already weakened (so applying it twice is harmless). Changes nothing and
    /// throws <see cref="InvalidDataException"/> when the image is not the shape this fix is
    /// for, e.g. other symbols also need GLIBCXX_3.4.32 (then the fix would hide a real need).
    /// </summary>
    public static bool Apply(byte[] image, string description)
    {
        var elf = ElfSharedObject.Parse(image, description);
        var needs = elf.VersionNeeds.Where(n => n.FileName == LibstdcxxSoname && n.VersionName == VersionName).ToList();
        if (needs.Count != 1)
            throw new InvalidDataException($"{description} needs {VersionName} from {LibstdcxxSoname} {needs.Count} times, expected once; this fix does not apply to it.");
        var need = needs[0];

        var symbols = elf.DynamicSymbols.Where(s => s.Name == SymbolName).ToList();
        if (symbols.Count != 1)
            throw new InvalidDataException($"{description} has {symbols.Count} dynamic symbols named {SymbolName}, expected one; this fix does not apply to it.");
        var symbol = symbols[0];
        if (symbol.SectionIndex != 0)
            throw new InvalidDataException($"{description} defines {SymbolName} itself; only an undefined reference can be weakened.");

        var otherUsers = elf.DynamicSymbols.Where(s => s.Index != symbol.Index && s.VersionIndex == need.VersionIndex).Select(s => s.Name).ToList();
        if (otherUsers.Count > 0)
            throw new InvalidDataException(
                $"{description} needs {VersionName} for {otherUsers.Count} more symbol(s) ({string.Join(", ", otherUsers.Take(5))}); " +
                $"weakening the version would hide a real dependency, so a newer {LibstdcxxSoname} is required.");

        bool alreadyWeak = symbol.Binding == ElfSharedObject.StbWeak && symbol.VersionIndex == ElfSharedObject.VersionIndexGlobal;
        if (!alreadyWeak && (symbol.VersionIndex != need.VersionIndex || symbol.Binding != ElfSharedObject.StbGlobal))
            throw new InvalidDataException(
                $"{description} has {SymbolName} with binding {symbol.Binding} and version index {symbol.VersionIndex}, " +
                $"expected a global reference to version {need.VersionIndex} ({VersionName}).");

        bool changed = false;
        if ((need.Flags & ElfSharedObject.VerFlgWeak) == 0)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(need.FlagsOffset, 2), (ushort)(need.Flags | ElfSharedObject.VerFlgWeak));
            changed = true;
        }
        if (!alreadyWeak)
        {
            image[symbol.InfoOffset] = (byte)((ElfSharedObject.StbWeak << 4) | (symbol.Info & 0xf));
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(symbol.VersionOffset, 2), ElfSharedObject.VersionIndexGlobal);
            changed = true;
        }
        return changed;
    }
}
