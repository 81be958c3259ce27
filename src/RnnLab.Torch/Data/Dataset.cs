namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>A map-style dataset: <see cref="Count"/> samples, each fetched by index (TorchSharp's Dataset&lt;T&gt;).</summary>
            public abstract class Dataset<T> : IDisposable
            {
                /// <summary>Number of samples.</summary>
                public abstract long Count { get; }

                /// <summary>The sample at <paramref name="index"/>.</summary>
                public abstract T GetTensor(long index);

                /// <summary>Nothing to release for managed tensors; kept so TorchSharp code compiles.</summary>
                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                /// <summary>Override to release resources of your own.</summary>
                protected virtual void Dispose(bool disposing) { }
            }

            /// <summary>A dataset whose samples are named tensors; batches stack each name's tensors.</summary>
            public abstract class Dataset : Dataset<Dictionary<string, Tensor>>;
        }
    }
}
