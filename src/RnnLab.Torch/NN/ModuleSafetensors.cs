namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Writes state_dict() as a safetensors file: PyTorch's names and layouts, so PyTorch (or the
            /// safetensors package) loads it into the same architecture with load_state_dict.
            /// </summary>
            public Module save_safetensors(string path, IEnumerable<KeyValuePair<string, string>>? metadata = null)
            {
                torch.safetensors.save(state_dict(), path, metadata);
                return this;
            }

            /// <summary>
            /// Loads a safetensors file (for example one saved from a PyTorch model's state_dict) into this
            /// module's parameters and buffers, in place; strict by default, listing missing and unexpected keys.
            /// </summary>
            public (IList<string> missing_keys, IList<string> unexpected_keys) load_safetensors(string path, bool strict = true) =>
                load_state_dict(torch.safetensors.load(path), strict);
        }
    }
}
