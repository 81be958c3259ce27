namespace RnnLab.Torch;

/// <summary>Device moves that return the module's own type, as TorchSharp's extensions do.</summary>
public static class ModuleExtensionMethods
{
    /// <summary>Moves the module to <paramref name="device"/>: the CPU is a no-op, anything else fails with a clear message.</summary>
    public static T to<T>(this T module, torch.Device device, bool non_blocking = false) where T : torch.nn.Module
    {
        device.EnsureCpu();
        return module;
    }

    /// <summary>Moves the module to a device named by a string ("cpu").</summary>
    public static T to<T>(this T module, string device) where T : torch.nn.Module => module.to(torch.device(device));

    /// <summary>The CPU: a no-op here.</summary>
    public static T cpu<T>(this T module) where T : torch.nn.Module => module;

    /// <summary>Always fails: there is no CUDA backend.</summary>
    public static T cuda<T>(this T module, int deviceIndex = -1) where T : torch.nn.Module =>
        module.to(new torch.Device("cuda", deviceIndex));
}
