using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Autograd;

/// <summary>
/// Runs backward over the recorded graph: nodes are visited in dependency order (a node runs once
/// every consumer of its outputs has passed its gradient on), gradients of a node's outputs are
/// summed, and leaves accumulate into .grad across backward calls, as in PyTorch.
/// </summary>
internal static class Engine
{
    public static void Backward(Tensor root, Tensor? gradient, bool retainGraph)
    {
        if (!root.requires_grad)
            throw new InvalidOperationException(
                "element 0 of tensors does not require grad and does not have a grad_fn");
        if (gradient is null)
        {
            if (root.numel() != 1)
                throw new InvalidOperationException(
                    $"grad can be implicitly created only for scalar outputs (the tensor has shape {Tensor.ShapeString(root.Sizes)}); " +
                    "pass a gradient of the same shape: backward(gradient)");
            gradient = Tensor.FromContiguous(new float[] { 1f }, root.shape);
        }
        else if (!gradient.Sizes.AsSpan().SequenceEqual(root.Sizes))
        {
            throw new ArgumentException(
                $"Mismatch in shape: grad_output[0] has a shape of {Tensor.ShapeString(gradient.Sizes)} and output[0] has a shape of {Tensor.ShapeString(root.Sizes)}.");
        }

        using var _ = GradMode.Set(false);
        if (root.grad_fn is null)
        {
            AccumulateIntoLeaf(root, gradient);
            return;
        }

        Node start = root.grad_fn;
        Dictionary<Node, int> pending = CountDependencies(start);
        var buffers = new Dictionary<Node, Tensor?[]>(ReferenceEqualityComparer.Instance);
        buffers[start] = new Tensor?[start.OutputCount];
        buffers[start][root.OutputIndex] = gradient.detach();

        var ready = new Stack<Node>();
        ready.Push(start);
        var retained = CollectRetainedOutputs(root);
        while (ready.Count > 0)
        {
            Node node = ready.Pop();
            Tensor?[] gradOutputs = buffers[node];
            buffers.Remove(node);
            StoreRetainedGrads(node, gradOutputs, retained);
            Tensor?[] gradInputs = node.Apply(gradOutputs, retainGraph);
            Edge[] edges = node.Edges;
            for (int i = 0; i < edges.Length; i++)
            {
                Edge edge = edges[i];
                Tensor? g = gradInputs[i];
                if (!edge.IsValid) continue;
                if (edge.Leaf is { } leaf)
                {
                    if (g is not null) AccumulateIntoLeaf(leaf, CheckShape(node, i, g, leaf.Sizes));
                    continue;
                }
                Node next = edge.Function!;
                if (g is not null)
                {
                    if (!buffers.TryGetValue(next, out Tensor?[]? slots))
                        buffers[next] = slots = new Tensor?[next.OutputCount];
                    CheckShape(node, i, g, next.OutputShapes[edge.InputNr]);
                    slots[edge.InputNr] = slots[edge.InputNr] is { } existing ? Add(existing, g) : g;
                }
                if (--pending[next] == 0)
                {
                    if (buffers.ContainsKey(next)) ready.Push(next);
                }
            }
        }
    }

    /// <summary>How many edges point at each node reachable from <paramref name="start"/>.</summary>
    private static Dictionary<Node, int> CountDependencies(Node start)
    {
        var counts = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance) { [start] = 0 };
        var stack = new Stack<Node>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            Node node = stack.Pop();
            foreach (Edge edge in node.Edges)
            {
                if (edge.Function is not { } next) continue;
                if (counts.TryGetValue(next, out int c)) counts[next] = c + 1;
                else
                {
                    counts[next] = 1;
                    stack.Push(next);
                }
            }
        }
        return counts;
    }

    /// <summary>Non-leaf tensors that asked for retain_grad are only reachable through weak registration.</summary>
    private static Dictionary<(Node, int), Tensor> CollectRetainedOutputs(Tensor root)
    {
        var map = new Dictionary<(Node, int), Tensor>();
        foreach (Tensor t in RetainedGradRegistry.Live())
            if (t.grad_fn is { } fn) map[(fn, t.OutputIndex)] = t;
        if (root.retains_grad && root.grad_fn is { } rootFn) map[(rootFn, root.OutputIndex)] = root;
        return map;
    }

    private static void StoreRetainedGrads(Node node, Tensor?[] gradOutputs, Dictionary<(Node, int), Tensor> retained)
    {
        if (retained.Count == 0) return;
        for (int o = 0; o < gradOutputs.Length; o++)
            if (gradOutputs[o] is { } g && retained.TryGetValue((node, o), out Tensor? t))
                t.grad = t.grad is null ? Tensor.FromContiguous(g.ToFloatArray(), g.shape) : Add(t.grad, g);
    }

    private static Tensor CheckShape(Node node, int index, Tensor g, long[] expected)
    {
        if (!g.Sizes.AsSpan().SequenceEqual(expected))
            throw new InvalidOperationException(
                $"Function {node.name()} returned an invalid gradient at index {index} - got {Tensor.ShapeString(g.Sizes)} but expected shape compatible with {Tensor.ShapeString(expected)}");
        return g;
    }

    private static void AccumulateIntoLeaf(Tensor leaf, Tensor g)
    {
        // A fresh contiguous copy: the leaf must never alias a gradient another node still holds.
        leaf.grad = leaf.grad is null ? Tensor.FromContiguous(g.ToFloatArray(), g.shape) : Add(leaf.grad, g);
    }

    /// <summary>Elementwise sum of two same-shape float tensors into a new contiguous tensor.</summary>
    internal static Tensor Add(Tensor a, Tensor b)
    {
        float[] x = a.ToFloatArray();
        float[] y = b.ToFloatArray();
        System.Numerics.Tensors.TensorPrimitives.Add(x, y, x);
        return Tensor.FromContiguous(x, a.shape);
    }
}
