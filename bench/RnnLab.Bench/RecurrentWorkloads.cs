namespace RnnLab.Bench;

/// <summary>"recurrent": the article and larger RNN/LSTM/GRU workloads of RecurrentBenchmarks, in the registry.</summary>
public sealed class RecurrentWorkloads : IWorkloadGroup
{
    public string Name => RecurrentBenchmarks.Group;

    public IEnumerable<Workload> Create() =>
        RecurrentBenchmarks.Create().Select(w => new Workload(Name, w.Name, 0, w.Run));
}
