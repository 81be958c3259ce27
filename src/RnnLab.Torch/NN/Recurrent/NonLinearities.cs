namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>The RNN activation, numbered as in TorchSharp.</summary>
        public enum NonLinearities { ReLU = 0, Tanh = 1 }
    }
}
