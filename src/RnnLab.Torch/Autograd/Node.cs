using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Autograd;

/// <summary>
/// One recorded operation in the define-by-run graph (PyTorch's grad_fn). A node may have several
/// outputs (a fused RNN layer returns output and h_n) and has one edge per differentiable input.
/// Subclasses save what backward needs and implement <see cref="Backward"/>.
/// </summary>
public abstract class Node
{
    private Edge[] _edges = [];
    private bool _released;

    /// <summary>PyTorch's name for the node, e.g. "AddBackward0"; shown as grad_fn=&lt;AddBackward0&gt;.</summary>
    public abstract string name();

    /// <summary>Number of tensors this node produced.</summary>
    public int OutputCount { get; private set; }

    /// <summary>The shapes of the outputs, for checking and for zero-filling missing gradients.</summary>
    internal long[][] OutputShapes { get; private set; } = [];

    /// <summary>The nodes this one feeds gradients to (next_functions in PyTorch).</summary>
    public IReadOnlyList<Edge> next_functions => _edges;

    internal Edge[] Edges => _edges;

    /// <summary>
    /// Given the gradient of each output (null where an output received none), returns the gradient
    /// for each input, in the order the inputs were passed to <see cref="Record"/> (null where an
    /// input needs none). Runs with gradient recording off.
    /// </summary>
    protected abstract Tensor?[] Backward(Tensor?[] gradOutputs);

    /// <summary>Drops saved tensors after a backward without retain_graph.</summary>
    protected virtual void ReleaseSavedTensors() { }

    /// <summary>
    /// Records this node when grad mode is on and any input requires grad: the outputs get this node
    /// as grad_fn. Returns false (recording nothing) otherwise, so callers can skip saving tensors.
    /// </summary>
    public static bool ShouldRecord(params ReadOnlySpan<Tensor?> inputs)
    {
        if (!GradMode.IsEnabled) return false;
        foreach (Tensor? input in inputs)
            if (input is not null && input.requires_grad) return true;
        return false;
    }

    /// <summary>Connects this node: one edge per input, and each output's grad_fn set to this node.</summary>
    public void Record(ReadOnlySpan<Tensor?> inputs, ReadOnlySpan<Tensor> outputs)
    {
        var edges = new Edge[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            Tensor? input = inputs[i];
            if (input is null || !input.requires_grad) edges[i] = Edge.None;
            else if (input.grad_fn is { } fn) edges[i] = new Edge(fn, input.OutputIndex, null);
            else edges[i] = new Edge(null, 0, input);
        }
        _edges = edges;
        OutputCount = outputs.Length;
        OutputShapes = new long[outputs.Length][];
        for (int o = 0; o < outputs.Length; o++)
        {
            OutputShapes[o] = outputs[o].shape;
            outputs[o].AttachGradFn(this, o);
        }
    }

    /// <summary>Runs backward once, enforcing the freed-graph rule.</summary>
    internal Tensor?[] Apply(Tensor?[] gradOutputs, bool retainGraph)
    {
        if (_released)
            throw new InvalidOperationException(
                $"Trying to backward through the graph a second time (in {name()}): its saved tensors were freed " +
                "by the previous backward(). Specify retain_graph: true on the first backward() if you need to " +
                "backward through the graph a second time.");
        Tensor?[] result = Backward(gradOutputs);
        if (result.Length != _edges.Length)
            throw new InvalidOperationException(
                $"function {name()} returned {result.Length} gradients but expected {_edges.Length}");
        if (!retainGraph)
        {
            _released = true;
            ReleaseSavedTensors();
        }
        return result;
    }

    /// <summary>Shown as &lt;AddBackward0&gt;.</summary>
    public override string ToString() => $"<{name()}>";
}

/// <summary>Where one input's gradient goes: into another node's output slot, or into a leaf's .grad.</summary>
public readonly record struct Edge(Node? Function, int InputNr, Tensor? Leaf)
{
    /// <summary>An input that needs no gradient.</summary>
    public static readonly Edge None = new(null, 0, null);

    /// <summary>True when a gradient flows along this edge.</summary>
    public bool IsValid => Function is not null || Leaf is not null;
}
