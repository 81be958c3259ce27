namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Parameter initialisation, as <c>torch.nn.init</c>: every function fills the tensor in place
        /// under no_grad and returns it, drawing the same numbers as PyTorch for the same seed.
        /// </summary>
        public static partial class init
        {
            /// <summary>The nonlinearity a gain is computed for (TorchSharp's names).</summary>
            public enum NonlinearityType
            {
                Linear = 0, Conv1D = 1, Conv2D = 2, Conv3D = 3,
                ConvTranspose1D = 4, ConvTranspose2D = 5, ConvTranspose3D = 6,
                Sigmoid = 7, Tanh = 8, ReLU = 9, LeakyReLU = 10, SELU = 11,
            }

            /// <summary>Which fan scales a Kaiming initialisation.</summary>
            public enum FanInOut { FanIn = 0, FanOut = 1 }

            /// <summary>
            /// The recommended gain for a nonlinearity. For LeakyReLU, <paramref name="param"/> is the
            /// negative slope; left out it is 0.01, as in PyTorch (TorchSharp would use 0).
            /// </summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double? param = null) => nonlinearity switch
            {
                NonlinearityType.Linear or NonlinearityType.Conv1D or NonlinearityType.Conv2D or NonlinearityType.Conv3D
                    or NonlinearityType.ConvTranspose1D or NonlinearityType.ConvTranspose2D or NonlinearityType.ConvTranspose3D
                    or NonlinearityType.Sigmoid => 1.0,
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + (param ?? 0.01) * (param ?? 0.01))),
                NonlinearityType.SELU => 3.0 / 4,
                _ => throw new ArgumentException($"Unsupported nonlinearity {nonlinearity}"),
            };

            /// <summary>Fills with U[<paramref name="a"/>, <paramref name="b"/>).</summary>
            public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.uniform_(a, b, generator);
            }

            /// <summary>Fills with N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.normal_(mean, std, generator);
            }

            /// <summary>Fills with <paramref name="val"/>.</summary>
            public static Tensor constant_(Tensor tensor, double val)
            {
                using (no_grad()) tensor.WritableFloatsForFill(nameof(constant_)).Fill((float)val);
                return tensor;
            }

            /// <summary>Fills with zeros.</summary>
            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

            /// <summary>Fills with ones.</summary>
            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            /// <summary>
            /// He initialisation with a uniform distribution: U(-bound, bound) with
            /// bound = gain * sqrt(3 / fan). nn.Linear uses it with a = sqrt(5).
            /// </summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null)
            {
                if (tensor.numel() == 0) return tensor; // PyTorch warns that this is a no-op.
                double std = calculate_gain(nonlinearity, a) / Math.Sqrt(CorrectFan(tensor, mode));
                double bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound, generator);
            }

            /// <summary>He initialisation with a normal distribution: N(0, (gain / sqrt(fan))²).</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null)
            {
                if (tensor.numel() == 0) return tensor;
                double std = calculate_gain(nonlinearity, a) / Math.Sqrt(CorrectFan(tensor, mode));
                return normal_(tensor, 0, std, generator);
            }

            /// <summary>Glorot initialisation, uniform: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                (long fanIn, long fanOut) = _calculate_fan_in_and_fan_out(tensor);
                double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                double bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound, generator);
            }

            /// <summary>Glorot initialisation, normal: N(0, gain² * 2 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                (long fanIn, long fanOut) = _calculate_fan_in_and_fan_out(tensor);
                double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                return normal_(tensor, 0, std, generator);
            }

            /// <summary>
            /// Fan-in and fan-out of a weight: dims 1 and 0 times the receptive field (the product of
            /// dims 2 and up), as PyTorch's <c>_calculate_fan_in_and_fan_out</c>.
            /// </summary>
            public static (long fan_in, long fan_out) _calculate_fan_in_and_fan_out(Tensor tensor)
            {
                long[] shape = tensor.shape;
                if (shape.Length < 2)
                    throw new ArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
                long receptiveField = 1;
                for (int d = 2; d < shape.Length; d++) receptiveField *= shape[d];
                return (shape[1] * receptiveField, shape[0] * receptiveField);
            }

            /// <summary>TorchSharp's name for <see cref="_calculate_fan_in_and_fan_out"/>.</summary>
            public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor) => _calculate_fan_in_and_fan_out(tensor);

            private static long CorrectFan(Tensor tensor, FanInOut mode)
            {
                (long fanIn, long fanOut) = _calculate_fan_in_and_fan_out(tensor);
                return mode == FanInOut.FanIn ? fanIn : fanOut;
            }
        }
    }
}
