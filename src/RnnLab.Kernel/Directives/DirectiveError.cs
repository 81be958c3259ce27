namespace RnnLab.Kernel.Directives;

/// <summary>A directive that cannot be honoured; the message is shown to the notebook user as is.</summary>
public sealed class DirectiveError(string message) : Exception(message);
