namespace RnnLab.Torch;

/// <summary>Overrides the name RegisterComponents gives a field (TorchSharp's [ComponentName(Name = "...")]).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ComponentNameAttribute : Attribute
{
    /// <summary>The registered name.</summary>
    public string Name { get; set; } = "";
}
