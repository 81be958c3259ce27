namespace RnnLab.Torch.Tests.Random;

/// <summary>
/// Tests that seed or draw from the process-wide default generator must not run in parallel
/// with each other: put their class in this collection with [Collection(DefaultGeneratorCollection.Name)].
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DefaultGeneratorCollection
{
    public const string Name = "Default generator";
}
