using System.Runtime.CompilerServices;

namespace RnnLab.Tests;

/// <summary>
/// Preloads TorchSharp's natives before any test runs, so a test that touches TorchSharp.torch
/// before any RnnLab type (whose module initializer would do the same) still finds them.
/// </summary>
internal static class TorchSharpNativesFirst
{
    // CA2255: this is app-level set-up that must precede every test, what module initializers are for.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Prepare() => TorchSharpNatives.Prepare();
#pragma warning restore CA2255
}
