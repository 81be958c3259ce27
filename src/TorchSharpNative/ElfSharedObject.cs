using System.Buffers.Binary;
using System.Text;

namespace RnnLab.TorchSharpNative;

/// <summary>
/// The dynamic-linking tables of an ELF64 little-endian shared object, read from its section
/// headers: the dynamic symbols (.dynsym with .dynstr), their versions (.gnu.version) and the
/// version needs (.gnu.version_r). Offsets point into the image so a caller can edit fields in
/// place. Every offset and count is checked against the image: malformed input gives an
/// <see cref="InvalidDataException"/> naming the file and what is wrong, never an index error.
/// </summary>
internal sealed class ElfSharedObject
{
    /// <summary>One Elf64_Vernaux: a version (e.g. GLIBCXX_3.4.32) needed from a file (e.g. libstdc++.so.6).</summary>
    /// <param name="VersionIndex">vna_other: the index .gnu.version entries use for this version.</param>
    /// <param name="FlagsOffset">Where the 16-bit vna_flags field lies in the image.</param>
    internal sealed record VersionNeed(string FileName, string VersionName, ushort VersionIndex, ushort Flags, int FlagsOffset);

    /// <summary>One Elf64_Sym of .dynsym with its .gnu.version entry.</summary>
    /// <param name="SectionIndex">st_shndx; 0 (SHN_UNDEF) for a symbol another object must provide.</param>
    /// <param name="InfoOffset">Where the st_info byte (binding and type) lies in the image.</param>
    /// <param name="VersionEntry">The raw .gnu.version entry (bit 15 = hidden, low 15 bits = version index).</param>
    /// <param name="VersionOffset">Where the 16-bit .gnu.version entry lies in the image.</param>
    internal sealed record DynamicSymbol(int Index, string Name, byte Info, ushort SectionIndex, int InfoOffset, ushort VersionEntry, int VersionOffset)
    {
        /// <summary>STB_* binding, the high nibble of st_info.</summary>
        public int Binding => Info >> 4;

        /// <summary>The version index without the hidden bit.</summary>
        public int VersionIndex => VersionEntry & 0x7fff;
    }

    public const int StbGlobal = 1;
    public const int StbWeak = 2;
    public const ushort VerFlgWeak = 2;
    /// <summary>The .gnu.version index meaning "global, no particular version".</summary>
    public const ushort VersionIndexGlobal = 1;

    private const uint ShtStrtab = 3;
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const int ElfHeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int SymbolSize = 24;
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;

    private readonly byte[] _image;
    private readonly string _description;

    private ElfSharedObject(byte[] image, string description)
    {
        _image = image;
        _description = description;
        var sections = ReadSectionHeaders();
        var dynsym = SingleSection(sections, ShtDynsym, ".dynsym");
        var versym = SingleSection(sections, ShtGnuVersym, ".gnu.version");
        var verneed = SingleSection(sections, ShtGnuVerneed, ".gnu.version_r");
        DynamicSymbols = ReadDynamicSymbols(dynsym, versym, LinkedStringTable(sections, dynsym, ".dynsym"));
        VersionNeeds = ReadVersionNeeds(verneed, LinkedStringTable(sections, verneed, ".gnu.version_r"));
    }

    /// <summary>Every entry of .dynsym in order (index 0 is the null symbol).</summary>
    public IReadOnlyList<DynamicSymbol> DynamicSymbols { get; }

    /// <summary>Every Vernaux of .gnu.version_r, with the file each is needed from.</summary>
    public IReadOnlyList<VersionNeed> VersionNeeds { get; }

    /// <summary>Parses <paramref name="image"/>; <paramref name="description"/> (usually the path) names it in errors.</summary>
    /// <exception cref="InvalidDataException">Not an ELF64 little-endian shared object with the tables above.</exception>
    public static ElfSharedObject Parse(byte[] image, string description) => new(image, description);

    private sealed record Section(int Index, uint Type, long Offset, long Size, uint Link, uint Info, long EntrySize);

    private List<Section> ReadSectionHeaders()
    {
        if (_image.Length < ElfHeaderSize || _image[0] != 0x7f || _image[1] != 'E' || _image[2] != 'L' || _image[3] != 'F')
            throw Invalid("is not an ELF file (no \\x7fELF header)");
        if (_image[4] != 2) throw Invalid($"is not a 64-bit ELF file (EI_CLASS {_image[4]})");
        if (_image[5] != 1) throw Invalid($"is not a little-endian ELF file (EI_DATA {_image[5]})");
        long tableOffset = (long)U64(0x28);
        int entrySize = U16(0x3a);
        int count = U16(0x3c);
        if (tableOffset == 0 || count == 0) throw Invalid("has no section headers");
        if (entrySize != SectionHeaderSize) throw Invalid($"has section headers of {entrySize} bytes, not {SectionHeaderSize}");
        CheckRange(tableOffset, (long)count * SectionHeaderSize, "the section header table");
        var sections = new List<Section>(count);
        for (int i = 0; i < count; i++)
        {
            int at = (int)tableOffset + i * SectionHeaderSize;
            sections.Add(new Section(i, U32(at + 4), (long)U64(at + 24), (long)U64(at + 32), U32(at + 40), U32(at + 44), (long)U64(at + 56)));
        }
        return sections;
    }

    private Section SingleSection(List<Section> sections, uint type, string name)
    {
        var matches = sections.Where(s => s.Type == type).ToList();
        if (matches.Count != 1) throw Invalid($"has {matches.Count} {name} sections, expected exactly one");
        CheckRange(matches[0].Offset, matches[0].Size, name);
        return matches[0];
    }

    private Section LinkedStringTable(List<Section> sections, Section owner, string ownerName)
    {
        if (owner.Link >= sections.Count) throw Invalid($"links {ownerName} to section {owner.Link}, which does not exist");
        var strings = sections[(int)owner.Link];
        if (strings.Type != ShtStrtab) throw Invalid($"links {ownerName} to section {owner.Link}, which is not a string table");
        CheckRange(strings.Offset, strings.Size, $"the string table of {ownerName}");
        return strings;
    }

    private List<DynamicSymbol> ReadDynamicSymbols(Section dynsym, Section versym, Section strings)
    {
        if (dynsym.EntrySize != SymbolSize) throw Invalid($"has .dynsym entries of {dynsym.EntrySize} bytes, not {SymbolSize}");
        if (dynsym.Size % SymbolSize != 0) throw Invalid($"has a .dynsym size ({dynsym.Size}) that is not a whole number of symbols");
        long count = dynsym.Size / SymbolSize;
        if (versym.Size != count * 2) throw Invalid($"has {versym.Size / 2} .gnu.version entries for {count} dynamic symbols");
        var symbols = new List<DynamicSymbol>((int)count);
        for (int i = 0; i < count; i++)
        {
            int at = (int)dynsym.Offset + i * SymbolSize;
            int versionAt = (int)versym.Offset + i * 2;
            symbols.Add(new DynamicSymbol(i, ReadString(strings, U32(at), ".dynstr"), _image[at + 4], U16(at + 6), at + 4, U16(versionAt), versionAt));
        }
        return symbols;
    }

    private List<VersionNeed> ReadVersionNeeds(Section verneed, Section strings)
    {
        var needs = new List<VersionNeed>();
        long end = verneed.Offset + verneed.Size;
        long entry = verneed.Offset;
        // sh_info holds the number of Verneed entries; bounding both loops by it and by the
        // section size means a corrupt vn_next or vna_next cannot make us loop or read outside.
        for (uint i = 0; i < verneed.Info; i++)
        {
            if (entry + VerneedSize > end) throw Invalid($"has a .gnu.version_r entry {i} outside its section");
            int at = (int)entry;
            int auxCount = U16(at + 2);
            string file = ReadString(strings, U32(at + 4), ".gnu.version_r's string table");
            long aux = entry + U32(at + 8);
            for (int j = 0; j < auxCount; j++)
            {
                if (aux < verneed.Offset || aux + VernauxSize > end) throw Invalid($"has a version of {file} outside .gnu.version_r");
                int auxAt = (int)aux;
                needs.Add(new VersionNeed(file, ReadString(strings, U32(auxAt + 8), ".gnu.version_r's string table"),
                                          U16(auxAt + 6), U16(auxAt + 4), auxAt + 4));
                uint nextAux = U32(auxAt + 12);
                if (nextAux == 0 && j + 1 < auxCount) throw Invalid($"lists {auxCount} versions of {file} but links only {j + 1}");
                aux += nextAux;
            }
            uint next = U32(at + 12);
            if (next == 0 && i + 1 < verneed.Info) throw Invalid($"declares {verneed.Info} .gnu.version_r entries but links only {i + 1}");
            entry += next;
        }
        return needs;
    }

    private string ReadString(Section strings, uint offset, string tableName)
    {
        if (offset >= strings.Size) throw Invalid($"points past the end of {tableName} (offset {offset})");
        int start = (int)(strings.Offset + offset);
        int end = Array.IndexOf(_image, (byte)0, start, (int)(strings.Size - offset));
        if (end < 0) throw Invalid($"has an unterminated name in {tableName} at offset {offset}");
        return Encoding.UTF8.GetString(_image, start, end - start);
    }

    private void CheckRange(long offset, long size, string what)
    {
        if (offset < 0 || size < 0 || offset > _image.Length || size > _image.Length - offset)
            throw Invalid($"is truncated or corrupt: {what} (bytes {offset}..{offset + size}) lies outside the file's {_image.Length} bytes");
    }

    private InvalidDataException Invalid(string problem) => new($"{_description} {problem}.");

    private ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(_image.AsSpan(at, 2));
    private uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(_image.AsSpan(at, 4));
    private ulong U64(int at) => BinaryPrimitives.ReadUInt64LittleEndian(_image.AsSpan(at, 8));
}
