using System.Buffers.Binary;
using RnnLab.TorchSharpNative;

namespace RnnLab.Tests.TorchSharpNative;

/// <summary>The two byte edits on the real libLibTorchSharp.so of the restored package (read, never written).</summary>
public class GlibcxxWeakeningTests
{
    private static readonly byte[] Original = File.ReadAllBytes(TestFiles.PackagedShim);

    private static ElfSharedObject.VersionNeed Need(ElfSharedObject elf) =>
        elf.VersionNeeds.Single(n => n.FileName == "libstdc++.so.6" && n.VersionName == "GLIBCXX_3.4.32");

    private static ElfSharedObject.DynamicSymbol Symbol(ElfSharedObject elf) =>
        elf.DynamicSymbols.Single(s => s.Name == "_ZSt21ios_base_library_initv");

    [Fact]
    public void ThePackagedShim_NeedsGlibcxx3432ForOneGlobalSymbol()
    {
        var elf = ElfSharedObject.Parse(Original, "shim");
        var need = Need(elf);
        var symbol = Symbol(elf);
        Assert.Equal(0, need.Flags & ElfSharedObject.VerFlgWeak);
        Assert.Equal(ElfSharedObject.StbGlobal, symbol.Binding);
        Assert.Equal(0, symbol.SectionIndex);
        Assert.Equal(need.VersionIndex, symbol.VersionIndex);
        Assert.Single(elf.DynamicSymbols, s => s.VersionIndex == need.VersionIndex);
        // The parser sees the whole table: every libstdc++ version the shim needs, not just ours.
        Assert.Contains(elf.VersionNeeds, n => n.FileName == "libstdc++.so.6" && n.VersionName == "GLIBCXX_3.4.30");
        Assert.Contains(elf.VersionNeeds, n => n.FileName == "libc.so.6" && n.VersionName == "GLIBC_2.34");
    }

    [Fact]
    public void Apply_WeakensTheNeedAndTheSymbol_AndChangesNothingElse()
    {
        byte[] image = (byte[])Original.Clone();
        Assert.True(GlibcxxWeakening.Apply(image, "copy"));

        var before = ElfSharedObject.Parse(Original, "original");
        var after = ElfSharedObject.Parse(image, "copy");
        Assert.Equal(Need(before).Flags | ElfSharedObject.VerFlgWeak, Need(after).Flags);
        Assert.Equal(ElfSharedObject.StbWeak, Symbol(after).Binding);
        Assert.Equal(Symbol(before).Info & 0xf, Symbol(after).Info & 0xf);
        Assert.Equal(ElfSharedObject.VersionIndexGlobal, BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(Symbol(after).VersionOffset)));

        int[] edited = [Need(before).FlagsOffset, Need(before).FlagsOffset + 1, Symbol(before).InfoOffset,
                        Symbol(before).VersionOffset, Symbol(before).VersionOffset + 1];
        var changed = Enumerable.Range(0, Original.Length).Where(i => Original[i] != image[i]).ToList();
        Assert.Equal(Original.Length, image.Length);
        Assert.NotEmpty(changed);
        Assert.All(changed, i => Assert.Contains(i, edited));
    }

    [Fact]
    public void Apply_Twice_ChangesNothingTheSecondTime()
    {
        byte[] once = (byte[])Original.Clone();
        GlibcxxWeakening.Apply(once, "copy");
        byte[] twice = (byte[])once.Clone();
        Assert.False(GlibcxxWeakening.Apply(twice, "copy"));
        Assert.Equal(once, twice);
    }

    [Fact]
    public void Apply_RefusesWhenAnotherSymbolAlsoNeedsTheVersion()
    {
        byte[] image = (byte[])Original.Clone();
        var elf = ElfSharedObject.Parse(image, "copy");
        var other = elf.DynamicSymbols.First(s => s.SectionIndex == 0 && s.VersionIndex > 1 && s.Name != "_ZSt21ios_base_library_initv");
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(other.VersionOffset), Need(elf).VersionIndex);
        byte[] edited = (byte[])image.Clone();

        var error = Assert.Throws<InvalidDataException>(() => GlibcxxWeakening.Apply(image, "copy"));
        Assert.Contains(other.Name, error.Message);
        Assert.Contains("would hide a real dependency", error.Message);
        Assert.Equal(edited, image);
    }

    [Theory]
    [InlineData(0, "is not an ELF file")]
    [InlineData(63, "is not an ELF file")]
    [InlineData(4096, "the section header table")]
    public void ATruncatedShim_IsRefusedWithTheReason(int length, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => GlibcxxWeakening.Apply(Original[..length], "cut.so"));
        Assert.StartsWith("cut.so ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void AShimCutInsideItsSections_IsRefusedWithTheReason()
    {
        // Keep the section header table (at the end of the file) but lose .dynsym's bytes.
        byte[] image = (byte[])Original.Clone();
        var shOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(image.AsSpan(0x28));
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(0x28), 0x100);
        Array.Copy(Original, shOffset, image, 0x100, Original.Length - shOffset);
        var error = Assert.Throws<InvalidDataException>(() => GlibcxxWeakening.Apply(image[..(int)(0x100 + Original.Length - shOffset)], "cut.so"));
        Assert.Contains("is truncated or corrupt", error.Message);
    }

    [Fact]
    public void NotAnElfFile_IsRefusedWithTheReason()
    {
        byte[] text = "#!/bin/sh\necho this is a script, not a shared object\n"u8.ToArray().Concat(new byte[100]).ToArray();
        var error = Assert.Throws<InvalidDataException>(() => GlibcxxWeakening.Apply(text, "script.so"));
        Assert.Equal("script.so is not an ELF file (no \\x7fELF header).", error.Message);
    }

    [Fact]
    public void A32BitElf_IsRefusedWithTheReason()
    {
        byte[] image = (byte[])Original.Clone();
        image[4] = 1;
        var error = Assert.Throws<InvalidDataException>(() => GlibcxxWeakening.Apply(image, "elf32.so"));
        Assert.Contains("is not a 64-bit ELF file", error.Message);
    }

    [Fact]
    public void AnElfWithoutTheNeed_IsRefused()
    {
        // libtorch itself was built with an older GCC: it needs no GLIBCXX_3.4.32.
        string libc10 = Directory.GetFiles(AppContext.BaseDirectory, "libc10.so", SearchOption.AllDirectories).First();
        var error = Assert.Throws<InvalidDataException>(() => GlibcxxWeakening.Apply(File.ReadAllBytes(libc10), "libc10.so"));
        Assert.Contains("needs GLIBCXX_3.4.32 from libstdc++.so.6 0 times", error.Message);
    }
}
