using System.Globalization;

// Usage: TorchSharpProbe <seed> <dim>...   Prints torch.randn(dims) after torch.manual_seed(seed),
// one value per line in round-trip form. The first statement touches TorchSharp.torch: the linked
// module initializer (RnnLab.TorchSharpNatives) must already have made the natives loadable.
TorchSharp.torch.manual_seed(long.Parse(args[0], CultureInfo.InvariantCulture));
long[] shape = args.Skip(1).Select(a => long.Parse(a, CultureInfo.InvariantCulture)).ToArray();
using var values = TorchSharp.torch.randn(shape);
foreach (float value in values.data<float>())
    Console.WriteLine(value.ToString("R", CultureInfo.InvariantCulture));
Console.Error.WriteLine(RnnLab.TorchSharpNatives.Prepare());
