namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>Seeds the default generator (as <c>torch.manual_seed</c>) and returns it.</summary>
    public static Generator manual_seed(long seed) => random.manual_seed(seed);

    /// <summary>Reseeds the default generator non-deterministically and returns the seed.</summary>
    public static long seed() => random.seed();

    /// <summary>The seed the default generator was last given.</summary>
    public static long initial_seed() => random.initial_seed();

    /// <summary>The default generator's state (see <see cref="Generator.get_state"/>).</summary>
    public static Tensor get_rng_state() => random.get_rng_state();

    /// <summary>Restores the default generator's state.</summary>
    public static void set_rng_state(Tensor new_state) => random.set_rng_state(new_state);

    /// <summary>The default CPU generator, as <c>torch.default_generator</c>.</summary>
    public static Generator default_generator => Generator.Default;

    /// <summary>Seeding and state of the default generator, as <c>torch.random</c>.</summary>
    public static partial class random
    {
        /// <summary>Seeds the default generator and returns it.</summary>
        public static Generator manual_seed(long seed) => Generator.Default.manual_seed(seed);

        /// <summary>Reseeds the default generator non-deterministically and returns the seed.</summary>
        public static long seed() => Generator.Default.seed();

        /// <summary>The seed the default generator was last given.</summary>
        public static long initial_seed() => Generator.Default.initial_seed();

        /// <summary>The default generator's state.</summary>
        public static Tensor get_rng_state() => Generator.Default.get_state();

        /// <summary>Restores the default generator's state.</summary>
        public static void set_rng_state(Tensor new_state) => Generator.Default.set_state(new_state);
    }
}
