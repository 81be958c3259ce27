using System.Reflection;
using System.Text;
using RnnLab.Torch.Modules;

namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// The root of every layer and model (torch.nn.Module): owns named parameters, buffers and child
        /// modules in registration order, so named_parameters() and state_dict() give PyTorch's dotted
        /// names ("rnn.weight_ih_l0", "fc.bias"). Custom models assign fields and call RegisterComponents().
        /// </summary>
        public abstract partial class Module
        {
            private readonly OrderedDictionary<string, Tensor?> _parameters = new();
            private readonly OrderedDictionary<string, Tensor?> _buffers = new();
            private readonly HashSet<string> _nonPersistentBuffers = new();
            private readonly OrderedDictionary<string, Module> _modules = new();
            private readonly string _name;

            /// <summary>Creates a module; <paramref name="name"/> is what ToString prints ("RNN", "Model").</summary>
            protected Module(string name) => _name = name;

            /// <summary>The name given to the constructor.</summary>
            public string GetName() => _name;

            /// <summary>True in training mode (dropout active), false after eval().</summary>
            public virtual bool training { get; private set; } = true;

            /// <summary>Sets training mode on this module and every descendant. Returns void, as in TorchSharp.</summary>
            public virtual void train(bool train = true)
            {
                training = train;
                foreach (Module child in _modules.Values) child.train(train);
            }

            /// <summary>Evaluation mode: dropout off. Same as train(false).</summary>
            public virtual void eval() => train(false);

            /// <summary>Clears the gradients of every parameter: to null by default (as TorchSharp and PyTorch 2), or to zeros.</summary>
            public virtual void zero_grad(bool set_to_none = true)
            {
                foreach (Tensor p in parameters())
                {
                    if (p.grad is null) continue;
                    if (set_to_none) p.grad = null;
                    else p.grad = LocalTensorOps.Zeros(p.shape);
                }
            }

            /// <summary>Adds (or replaces) a parameter under <paramref name="name"/>; null registers an absent optional parameter.</summary>
            public void register_parameter(string name, Tensor? param)
            {
                CheckNewName(name, _parameters);
                if (param is not null) ParameterRegistry.Mark(param);
                _parameters[name] = param;
            }

            /// <summary>Adds (or replaces) a buffer: state that is saved but not trained.</summary>
            public void register_buffer(string name, Tensor? tensor, bool persistent = true)
            {
                CheckNewName(name, _buffers);
                _buffers[name] = tensor;
                if (!persistent) _nonPersistentBuffers.Add(name);
                else _nonPersistentBuffers.Remove(name);
            }

            /// <summary>Adds (or replaces) a child module.</summary>
            public void register_module(string name, Module module)
            {
                CheckNewName(name, _modules);
                _modules[name] = module;
            }

            /// <summary>Same as <see cref="register_module"/>, PyTorch's older name.</summary>
            public void add_module(string name, Module module) => register_module(name, module);

            private void CheckNewName<T>(string name, OrderedDictionary<string, T> own)
            {
                if (string.IsNullOrEmpty(name)) throw new ArgumentException("module name can't be empty string \"\"");
                if (name.Contains('.')) throw new ArgumentException($"module name can't contain \".\", got: {name}");
                bool elsewhere = (!ReferenceEquals(own, _parameters) && _parameters.ContainsKey(name))
                    || (!ReferenceEquals(own, _buffers) && _buffers.ContainsKey(name))
                    || (!ReferenceEquals(own, _modules) && _modules.ContainsKey(name));
                if (elsewhere) throw new ArgumentException($"attribute '{name}' already exists");
            }

            /// <summary>
            /// Registers this instance's fields by reflection, most-derived type first, in declaration
            /// order: Module fields become children, tensors made by nn.Parameter become parameters, other
            /// tensors become buffers. The field name (or [ComponentName]) is the registered name.
            /// Compiler-generated fields (auto-properties, captured primary-constructor parameters) are skipped.
            /// </summary>
            public virtual void RegisterComponents()
            {
                for (Type? type = GetType(); type is not null && type != typeof(Module); type = type.BaseType)
                {
                    // Built-in layers register explicitly, with PyTorch's names and order; only user types are reflected.
                    if (type.Assembly == typeof(Module).Assembly && type.Namespace == typeof(Linear).Namespace) continue;
                    const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                    foreach (FieldInfo field in type.GetFields(flags).OrderBy(f => f.MetadataToken))
                    {
                        if (field.Name.Contains('<')) continue;
                        string name = field.GetCustomAttribute<ComponentNameAttribute>()?.Name ?? field.Name;
                        object? value = field.GetValue(this);
                        switch (value)
                        {
                            case Module child when !_modules.ContainsKey(name):
                                register_module(name, child);
                                break;
                            case Tensor t when ParameterRegistry.IsParameter(t) && !_parameters.ContainsKey(name):
                                register_parameter(name, t);
                                break;
                            case Tensor t when !ParameterRegistry.IsParameter(t) && !_buffers.ContainsKey(name):
                                register_buffer(name, t);
                                break;
                        }
                    }
                }
            }

            /// <summary>The trainable tensors of this module and (by default) its descendants, each once.</summary>
            public virtual IEnumerable<Tensor> parameters(bool recurse = true) =>
                named_parameters(recurse).Select(p => p.parameter);

            /// <summary>Parameters with dotted names, own first then each child's, without duplicates (shared weights appear once).</summary>
            public virtual IEnumerable<(string name, Tensor parameter)> named_parameters(bool recurse = true)
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                foreach (var (name, p) in NamedMembers(m => m._parameters, recurse))
                    if (seen.Add(p)) yield return (name, p);
            }

            /// <summary>Buffers with dotted names.</summary>
            public virtual IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true) =>
                NamedMembers(m => m._buffers, recurse);

            /// <summary>The buffers of this module and its descendants.</summary>
            public virtual IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(b => b.buffer);

            /// <summary>Direct children with their names, in registration order.</summary>
            public virtual IEnumerable<(string name, Module module)> named_children() =>
                _modules.Select(kv => (kv.Key, kv.Value));

            /// <summary>Direct children.</summary>
            public virtual IEnumerable<Module> children() => _modules.Values;

            /// <summary>This module (named "") and every descendant with its dotted name.</summary>
            public virtual IEnumerable<(string name, Module module)> named_modules()
            {
                yield return ("", this);
                foreach (var (childName, child) in named_children())
                    foreach (var (name, m) in child.named_modules())
                        yield return (name.Length == 0 ? childName : childName + "." + name, m);
            }

            /// <summary>This module and every descendant.</summary>
            public virtual IEnumerable<Module> modules() => named_modules().Select(m => m.module);

            private IEnumerable<(string, Tensor)> NamedMembers(Func<Module, OrderedDictionary<string, Tensor?>> members, bool recurse, string prefix = "")
            {
                foreach (var (name, t) in members(this))
                    if (t is not null) yield return (prefix + name, t);
                if (!recurse) yield break;
                foreach (var (childName, child) in _modules)
                    foreach (var item in child.NamedMembers(members, true, prefix + childName + "."))
                        yield return item;
            }

            /// <summary>A parameter by dotted path ("rnn.weight_ih_l0"), or null when there is none (as in TorchSharp).</summary>
            public virtual Tensor? get_parameter(string target) =>
                named_parameters().Where(p => p.name == target).Select(p => p.parameter).FirstOrDefault();

            /// <summary>
            /// Parameters and persistent buffers by PyTorch's dotted names. The values are the live tensors
            /// (as in TorchSharp), so copy them if you need a snapshot.
            /// </summary>
            public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
            {
                destination ??= new Dictionary<string, Tensor>();
                CollectState(destination, prefix ?? "");
                return destination;
            }

            private void CollectState(Dictionary<string, Tensor> destination, string prefix)
            {
                foreach (var (name, p) in _parameters)
                    if (p is not null) destination[prefix + name] = p;
                foreach (var (name, b) in _buffers)
                    if (b is not null && !_nonPersistentBuffers.Contains(name)) destination[prefix + name] = b;
                foreach (var (name, child) in _modules) child.CollectState(destination, prefix + name + ".");
            }

            /// <summary>
            /// Copies tensors into this module's parameters and buffers, in place, by name. With strict
            /// (the default), missing or unexpected keys are an error listing all of them, as PyTorch does;
            /// a shape mismatch is always an error. Returns the missing and unexpected keys.
            /// </summary>
            public virtual (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(
                Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            {
                Dictionary<string, Tensor> own = state_dict();
                var skipped = new HashSet<string>(skip ?? []);
                var missing = own.Keys.Where(k => !source.ContainsKey(k) && !skipped.Contains(k)).ToList();
                var unexpected = source.Keys.Where(k => !own.ContainsKey(k) && !skipped.Contains(k)).ToList();
                var errors = new List<string>();
                foreach (var (key, target) in own)
                {
                    if (skipped.Contains(key) || !source.TryGetValue(key, out Tensor? value)) continue;
                    if (!value.shape.AsSpan().SequenceEqual(target.shape))
                        errors.Add($"size mismatch for {key}: copying a param with shape {Tensor.ShapeString(value.shape)} from checkpoint, " +
                                   $"the shape in current model is {Tensor.ShapeString(target.shape)}.");
                    else if (value.dtype != target.dtype)
                        errors.Add($"dtype mismatch for {key}: copying a param of {Tensor.DTypeName(value.dtype)} from checkpoint, " +
                                   $"the dtype in current model is {Tensor.DTypeName(target.dtype)}.");
                }
                if (strict)
                {
                    if (unexpected.Count > 0)
                        errors.Insert(0, "Unexpected key(s) in state_dict: " + string.Join(", ", unexpected.Select(k => $"\"{k}\"")) + ".");
                    if (missing.Count > 0)
                        errors.Insert(0, "Missing key(s) in state_dict: " + string.Join(", ", missing.Select(k => $"\"{k}\"")) + ".");
                }
                if (errors.Count > 0)
                    throw new InvalidOperationException($"Error(s) in loading state_dict for {_name}:\n\t" + string.Join("\n\t", errors));

                foreach (var (key, target) in own)
                    if (!skipped.Contains(key) && source.TryGetValue(key, out Tensor? value))
                        LocalTensorOps.CopyInto(target, value);
                return (missing, unexpected);
            }

            /// <summary>The text inside the parentheses of ToString, e.g. "10, 20, num_layers=2".</summary>
            public virtual string extra_repr() => "";

            /// <summary>PyTorch's module printout: "Linear(in_features=2, out_features=3, bias=True)", children indented.</summary>
            public override string ToString()
            {
                string extra = extra_repr();
                if (_modules.Count == 0) return $"{_name}({extra})";
                var text = new StringBuilder(_name).Append('(');
                if (extra.Length > 0) text.Append('\n').Append("  ").Append(extra);
                foreach (var (name, child) in _modules)
                {
                    string childText = child.ToString().Replace("\n", "\n  ");
                    text.Append("\n  (").Append(name).Append("): ").Append(childText);
                }
                return text.Append("\n)").ToString();
            }
        }
    }
}
