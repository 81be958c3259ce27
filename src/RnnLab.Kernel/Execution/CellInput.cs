namespace RnnLab.Kernel.Execution;

/// <summary>
/// Where a running cell's input comes from: Console.ReadLine() and input(prompt) both end here.
/// The kernel installs a requester for cells whose execute_request allowed stdin; everywhere else
/// (nbconvert, the in-process runner, a front end without an input box) reading fails at once with
/// a message that says why, instead of hanging the notebook.
/// </summary>
public static class CellInput
{
    public const string Unavailable =
        "Reading input is not available here: the front end running this cell does not accept input (allow_stdin is false, as in nbconvert and the notebook runner). Put the value in the code instead.";

    private static volatile Scope? s_current;

    /// <summary>Makes <paramref name="requester"/> (null: no input) the input of the cell now starting.</summary>
    public static IDisposable Begin(InputRequester? requester, CancellationToken cancellation)
    {
        var scope = new Scope(requester, cancellation);
        s_current = scope;
        return scope;
    }

    /// <summary>One line from the front end; throws <see cref="InvalidOperationException"/> when no input is possible.</summary>
    public static string ReadLine(string prompt, bool password = false)
    {
        var scope = s_current;
        if (scope?.Requester is null) throw new InvalidOperationException(Unavailable);
        // Text printed before the prompt must appear before the input box.
        Console.Out.Flush();
        return scope.Requester(prompt, password, scope.Cancellation);
    }

    private sealed class Scope(InputRequester? requester, CancellationToken cancellation) : IDisposable
    {
        public InputRequester? Requester { get; } = requester;
        public CancellationToken Cancellation { get; } = cancellation;

        public void Dispose()
        {
            if (s_current == this) s_current = null;
        }
    }
}
