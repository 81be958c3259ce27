namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>Where a tensor lives. Only the CPU exists here; CUDA requests fail with a clear message.</summary>
    public sealed record Device(string type, int index = -1)
    {
        /// <summary>The CPU device.</summary>
        public static readonly Device CPU = new("cpu");

        /// <summary>"cpu", or "cuda:0" style when an index is given.</summary>
        public override string ToString() => index >= 0 ? $"{type}:{index}" : type;

        /// <summary>Parses "cpu", "cuda" or "cuda:1".</summary>
        public static implicit operator Device(string description)
        {
            string[] parts = description.Split(':');
            return new Device(parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : -1);
        }

        /// <summary>Throws unless this is the CPU, naming what was asked for.</summary>
        internal void EnsureCpu()
        {
            if (type != "cpu")
                throw new NotSupportedException(
                    $"device '{this}' is not available: RnnLab.Torch runs on the CPU only (torch.cuda.is_available() is false). Use torch.CPU.");
        }
    }

    /// <summary>The CPU device, as torch.CPU in TorchSharp.</summary>
    public static readonly Device CPU = Device.CPU;

    /// <summary>A device from its name ("cpu"; "cuda" is refused when used).</summary>
    public static Device device(string description) => description;

    /// <summary>CUDA queries: always unavailable in this managed engine.</summary>
    public static class cuda
    {
        /// <summary>False: there is no GPU backend.</summary>
        public static bool is_available() => false;

        /// <summary>Zero devices.</summary>
        public static int device_count() => 0;
    }
}
