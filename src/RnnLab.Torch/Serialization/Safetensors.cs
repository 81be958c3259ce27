using RnnLab.Torch.Serialization;

namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>
    /// Named tensors in the safetensors format (https://huggingface.co/docs/safetensors): the
    /// file layout of Hugging Face's reference implementation, so files move between this engine
    /// and PyTorch in both directions. Typical use: <c>torch.safetensors.save(model.state_dict(), "model.safetensors")</c>.
    /// </summary>
    public static partial class safetensors
    {
        /// <summary>
        /// Writes <paramref name="tensors"/> (any views; saved as their logical contents) and optional
        /// string <paramref name="metadata"/> to <paramref name="path"/>. The file appears whole or not at all.
        /// </summary>
        public static void save(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path, IEnumerable<KeyValuePair<string, string>>? metadata = null)
        {
            ArgumentNullException.ThrowIfNull(tensors);
            ArgumentException.ThrowIfNullOrEmpty(path);
            string fullPath = Path.GetFullPath(path);
            string partial = fullPath + ".partial";
            try
            {
                using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
                    SafetensorsWriter.Write(stream, tensors, metadata);
                File.Move(partial, fullPath, overwrite: true);
            }
            finally
            {
                if (File.Exists(partial)) File.Delete(partial);
            }
        }

        /// <summary>Writes <paramref name="tensors"/> and optional <paramref name="metadata"/> to a stream.</summary>
        public static void save(IEnumerable<KeyValuePair<string, Tensor>> tensors, Stream stream, IEnumerable<KeyValuePair<string, string>>? metadata = null)
        {
            ArgumentNullException.ThrowIfNull(tensors);
            ArgumentNullException.ThrowIfNull(stream);
            SafetensorsWriter.Write(stream, tensors, metadata);
        }

        /// <summary>
        /// Reads every tensor of a safetensors file, in file order. F32, I64 and BOOL load as
        /// themselves; F16/BF16 widen to float32 and narrower integers to int64 (exactly).
        /// </summary>
        /// <exception cref="InvalidDataException">The file is corrupt; the message says where.</exception>
        /// <exception cref="NotSupportedException">A tensor's dtype (F64, U64, FP8) has no lossless counterpart here.</exception>
        public static Dictionary<string, Tensor> load(string path) => Decode(File.ReadAllBytes(path), path);

        /// <summary>Reads every tensor of a safetensors stream (read to its end).</summary>
        public static Dictionary<string, Tensor> load(Stream stream)
        {
            ArgumentNullException.ThrowIfNull(stream);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return Decode(copy.ToArray(), "the stream");
        }

        /// <summary>The free-form string metadata (<c>__metadata__</c>) of a file, empty when it has none.</summary>
        public static Dictionary<string, string> read_metadata(string path) =>
            SafetensorsHeaderReader.Read(File.ReadAllBytes(path), path).Metadata;

        /// <summary>The Python package's name for <see cref="save(IEnumerable{KeyValuePair{string, Tensor}}, string, IEnumerable{KeyValuePair{string, string}}?)"/>.</summary>
        public static void save_file(IEnumerable<KeyValuePair<string, Tensor>> tensors, string filename, IEnumerable<KeyValuePair<string, string>>? metadata = null) =>
            save(tensors, filename, metadata);

        /// <summary>The Python package's name for <see cref="load(string)"/>.</summary>
        public static Dictionary<string, Tensor> load_file(string filename) => load(filename);

        private static Dictionary<string, Tensor> Decode(byte[] file, string source)
        {
            SafetensorsHeaderReader.Header header = SafetensorsHeaderReader.Read(file, source);
            var result = new Dictionary<string, Tensor>(header.Entries.Count, StringComparer.Ordinal);
            foreach (SafetensorsEntry entry in header.Entries)
                result.Add(entry.Name, SafetensorsTensorDecoder.Decode(entry, file, header.DataStart + (int)entry.Begin, source));
            return result;
        }
    }
}
