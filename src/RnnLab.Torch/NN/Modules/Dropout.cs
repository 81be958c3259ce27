using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Dropout with probability <paramref name="p"/>, active only in training mode.</summary>
            public static Dropout Dropout(double p = 0.5, bool inplace = false) => new(p);
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.Dropout: follows the module's training flag (eval() turns it off).</summary>
    public sealed class Dropout : torch.nn.Module<torch.Tensor, torch.Tensor>
    {
        internal Dropout(double p) : base(nameof(Dropout))
        {
            if (p < 0 || p > 1) throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {p}");
            this.p = p;
        }

        /// <summary>The probability of zeroing an element.</summary>
        public double p { get; }

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input) => torch.nn.functional.dropout(input, p, training);

        /// <inheritdoc/>
        public override string extra_repr() => $"p={PythonFormat.Float(p)}, inplace=False";
    }
}
