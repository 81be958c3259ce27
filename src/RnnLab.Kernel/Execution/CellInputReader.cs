namespace RnnLab.Kernel.Execution;

/// <summary>Console.In for cells: each line read is one input_request to the front end (see <see cref="CellInput"/>).</summary>
internal sealed class CellInputReader : TextReader
{
    private string _buffer = "";
    private int _position;

    public override string ReadLine()
    {
        if (_position < _buffer.Length)
        {
            string rest = _buffer[_position..];
            _position = _buffer.Length;
            return rest;
        }
        return CellInput.ReadLine("");
    }

    public override int Read()
    {
        if (!Fill()) return -1;
        return _buffer[_position++];
    }

    public override int Peek() => Fill() ? _buffer[_position] : -1;

    public override string ReadToEnd() => throw new InvalidOperationException("Console.In.ReadToEnd() would never end in a notebook; read lines with Console.ReadLine() instead.");

    /// <summary>Console.Read() goes character by character through one requested line (plus its newline).</summary>
    private bool Fill()
    {
        if (_position < _buffer.Length) return true;
        _buffer = CellInput.ReadLine("") + "\n";
        _position = 0;
        return true;
    }
}
