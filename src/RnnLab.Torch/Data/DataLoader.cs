using System.Collections;
using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class utils
        {
            public static partial class data
            {
                /// <summary>
                /// Batches of a tensor dataset, deconstructible as tuples: <c>foreach (var (x, y) in loader)</c>.
                /// With shuffle, each epoch's order is torch.randperm(n, generator) exactly as PyTorch's RandomSampler
                /// draws it, so the same generator seed gives PyTorch's batches. <paramref name="seed"/> (TorchSharp's
                /// argument) makes a generator when none is given.
                /// </summary>
                public static DataLoader<IList<Tensor>, TensorBatch> DataLoader(Dataset<IList<Tensor>> dataset, int batchSize, bool shuffle = false,
                    Device? device = null, int? seed = null, int num_worker = 1, bool drop_last = false, Generator? generator = null)
                {
                    device?.EnsureCpu();
                    generator ??= seed is { } s ? new Generator((ulong)s) : null;
                    Func<long[], TensorBatch> collate = dataset is TensorDataset tensors
                        ? indices => tensors.Gather(indices)
                        : indices => Stack(indices.Select(i => dataset.GetTensor(i)).ToList());
                    return new DataLoader<IList<Tensor>, TensorBatch>(dataset, batchSize, shuffle, drop_last, generator, collate);
                }

                /// <summary>Batches of a dataset of named tensors: each name's tensors stacked along a new first dim.</summary>
                public static DataLoader<Dictionary<string, Tensor>, Dictionary<string, Tensor>> DataLoader(Dataset dataset, int batchSize, bool shuffle = false,
                    Device? device = null, int? seed = null, int num_worker = 1, bool drop_last = false, Generator? generator = null)
                {
                    device?.EnsureCpu();
                    generator ??= seed is { } s ? new Generator((ulong)s) : null;
                    return new DataLoader<Dictionary<string, Tensor>, Dictionary<string, Tensor>>(dataset, batchSize, shuffle, drop_last, generator, indices =>
                    {
                        var samples = indices.Select(i => dataset.GetTensor(i)).ToList();
                        return samples[0].Keys.ToDictionary(key => key, key => LocalTensorOps.StackRows(samples.Select(s => s[key]).ToList()));
                    });
                }

                private static TensorBatch Stack(List<IList<Tensor>> samples) =>
                    new(Enumerable.Range(0, samples[0].Count).Select(k => LocalTensorOps.StackRows(samples.Select(s => s[k]).ToList())).ToArray());
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>Iterates a dataset in batches; enumerate it once per epoch.</summary>
    public sealed class DataLoader<T, TBatch> : IEnumerable<TBatch>
    {
        private readonly Func<long[], TBatch> _collate;
        private readonly torch.Generator? _generator;

        internal DataLoader(torch.utils.data.Dataset<T> dataset, int batchSize, bool shuffle, bool dropLast, torch.Generator? generator, Func<long[], TBatch> collate)
        {
            if (batchSize <= 0) throw new ArgumentException($"batch_size should be a positive integer value, but got batch_size={batchSize}");
            this.dataset = dataset;
            batch_size = batchSize;
            this.shuffle = shuffle;
            drop_last = dropLast;
            _generator = generator;
            _collate = collate;
        }

        /// <summary>The dataset.</summary>
        public torch.utils.data.Dataset<T> dataset { get; }
        /// <summary>Samples per batch.</summary>
        public int batch_size { get; }
        /// <summary>Whether each epoch reshuffles.</summary>
        public bool shuffle { get; }
        /// <summary>Whether a last, smaller batch is dropped.</summary>
        public bool drop_last { get; }

        /// <summary>Number of batches per epoch.</summary>
        public long Count => drop_last ? dataset.Count / batch_size : (dataset.Count + batch_size - 1) / batch_size;

        /// <inheritdoc/>
        public IEnumerator<TBatch> GetEnumerator()
        {
            var (order, sampler) = EpochOrder();
            long batches = Count;
            for (long b = 0; b < batches; b++)
            {
                long start = b * batch_size;
                int size = (int)Math.Min(batch_size, order.Length - start);
                yield return _collate(order.AsSpan((int)start, size).ToArray());
            }
            // PyTorch's RandomSampler, once exhausted, draws one more permutation for the remainder
            // (num_samples % n, here empty): consume it too so the next epoch's order matches.
            if (sampler is not null) torch.randperm(order.Length, generator: sampler);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>
        /// PyTorch 1.13's draws, in its order: the iterator's base seed (one 64-bit draw from the loader's generator,
        /// or the default one), then for shuffling randperm from the loader's generator, or from a fresh generator
        /// seeded by another 64-bit draw from the default generator.
        /// </summary>
        private (long[] order, torch.Generator? sampler) EpochOrder()
        {
            long n = dataset.Count;
            DrawSeed(_generator ?? torch.Generator.Default);
            if (!shuffle)
            {
                var sequential = new long[n];
                for (long i = 0; i < n; i++) sequential[i] = i;
                return (sequential, null);
            }
            torch.Generator source = _generator ?? new torch.Generator((ulong)DrawSeed(torch.Generator.Default));
            return (torch.randperm(n, generator: source).ToArray<long>(), source);
        }

        private static long DrawSeed(torch.Generator generator)
        {
            lock (generator.SyncRoot) return (long)(generator.NextUInt64() & long.MaxValue);
        }
    }
}
