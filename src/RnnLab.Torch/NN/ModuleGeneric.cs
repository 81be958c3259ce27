namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A module with one input: override <see cref="forward"/>, call it with forward or <see cref="call"/>.</summary>
        public abstract class Module<T, TResult> : Module
        {
            /// <inheritdoc cref="Module(string)"/>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs <see cref="forward"/>; TorchSharp's general entry point (there are no hooks here).</summary>
            public TResult call(T input) => forward(input);
        }

        /// <summary>A module with two inputs (an RNN's input and initial state, a loss's input and target).</summary>
        public abstract class Module<T1, T2, TResult> : Module
        {
            /// <inheritdoc cref="Module(string)"/>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T1 input1, T2 input2);

            /// <summary>Runs <see cref="forward"/>.</summary>
            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }
    }
}
