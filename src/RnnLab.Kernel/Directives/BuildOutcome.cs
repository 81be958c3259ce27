namespace RnnLab.Kernel.Directives;

/// <summary>What a `dotnet build` reported: its exit code, its log (errors included), and -getProperty results.</summary>
internal sealed record BuildOutcome(int ExitCode, string Log, string Result);
