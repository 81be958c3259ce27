using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Chains modules, named "0", "1", ... as in PyTorch.</summary>
            public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) =>
                new(modules.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m)));

            /// <summary>Chains named modules; the names become the state_dict prefixes.</summary>
            public static Sequential Sequential(params (string name, Module<Tensor, Tensor> submodule)[] modules) => new(modules);

            /// <summary>Chains named modules.</summary>
            public static Sequential Sequential(IEnumerable<(string name, Module<Tensor, Tensor> submodule)> modules) => new(modules);
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.Sequential: feeds each module's output to the next. Elements are Module&lt;Tensor, Tensor&gt;, as in TorchSharp.</summary>
    public sealed class Sequential : torch.nn.Module<torch.Tensor, torch.Tensor>
    {
        private readonly List<torch.nn.Module<torch.Tensor, torch.Tensor>> _layers = new();

        internal Sequential(IEnumerable<(string name, torch.nn.Module<torch.Tensor, torch.Tensor> submodule)> modules) : base(nameof(Sequential))
        {
            foreach (var (name, module) in modules) Add(name, module);
        }

        /// <summary>Appends a module named by its position.</summary>
        public Sequential append(torch.nn.Module<torch.Tensor, torch.Tensor> module)
        {
            Add(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
            return this;
        }

        /// <summary>Appends a named module.</summary>
        public Sequential append(string name, torch.nn.Module<torch.Tensor, torch.Tensor> module)
        {
            Add(name, module);
            return this;
        }

        private void Add(string name, torch.nn.Module<torch.Tensor, torch.Tensor> module)
        {
            register_module(name, module);
            _layers.Add(module);
        }

        /// <summary>Number of modules.</summary>
        public int Count => _layers.Count;

        /// <summary>The module at <paramref name="index"/>.</summary>
        public torch.nn.Module<torch.Tensor, torch.Tensor> this[int index] => _layers[index];

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input)
        {
            torch.Tensor x = input;
            foreach (var layer in _layers) x = layer.forward(x);
            return x;
        }
    }
}
