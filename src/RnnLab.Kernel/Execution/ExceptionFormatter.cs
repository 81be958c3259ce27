using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// Turns an exception from a cell into Jupyter's error fields: the real exception type, its
/// message, and a traceback that names cells and cell-relative lines ("in cell [3], line 2").
/// Frames of Roslyn's scripting host, of async plumbing and of the kernel itself are dropped:
/// they are noise to a student. So is libtorch's C++ backtrace, which TorchSharp passes on inside
/// the message of its ExternalException: the message keeps libtorch's own first lines only.
/// </summary>
public static partial class ExceptionFormatter
{
    private static readonly string[] HiddenNamespaces =
    [
        "Microsoft.CodeAnalysis.", "System.Runtime.CompilerServices.", "System.Runtime.ExceptionServices.",
        "System.Threading.ExecutionContext", "System.Threading.Tasks.", "System.RuntimeMethodHandle",
        "System.Reflection.", "RnnLab.Kernel.",
    ];

    public static ErrorOutput Format(Exception exception)
    {
        exception = Unwrap(exception);
        var lines = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException is { } inner ? Unwrap(inner) : null)
        {
            lines.Add(lines.Count == 0
                ? $"{current.GetType().FullName}: {Message(current)}"
                : $" ---> {current.GetType().FullName}: {Message(current)}");
            lines.AddRange(Frames(current));
            if (current is AggregateException) break;
        }
        return new ErrorOutput(exception.GetType().FullName ?? exception.GetType().Name, Message(exception), lines);
    }

    /// <summary>
    /// Where a native trace starts inside a message: libtorch's c10::Error appends "Exception raised from
    /// &lt;function&gt; at &lt;file&gt;:&lt;line&gt; (most recent call first):" and a "frame #N: ..." line per C++ frame;
    /// TorchSharp's device check appends the trace of its native loader. Both name absolute paths.
    /// </summary>
    private static readonly string[] NativeTraceMarkers = ["\nException raised from ", " Trace from LoadNativeBackend:"];

    /// <summary>The message without a native trace.</summary>
    private static string Message(Exception exception)
    {
        string message = exception.Message;
        foreach (string marker in NativeTraceMarkers)
        {
            int native = message.IndexOf(marker, StringComparison.Ordinal);
            if (native >= 0) message = message[..native].TrimEnd();
        }
        return message;
    }

    /// <summary>Reflection and task wrappers hide the exception the user's code actually threw.</summary>
    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            if (exception is TargetInvocationException { InnerException: { } invoked }) exception = invoked;
            else if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
            else return exception;
        }
    }

    private static IEnumerable<string> Frames(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (method is null || type is null) continue;
            string? submissionCell = SubmissionCell(frame);
            if (submissionCell is not null)
            {
                string name = UserMethodName(method, type);
                string where = $"{submissionCell}, line {frame.GetFileLineNumber()}";
                yield return name.Length == 0 ? $"   at {where}" : $"   at {name} in {where}";
                continue;
            }
            string fullName = type.FullName ?? type.Name;
            if (HiddenNamespaces.Any(fullName.StartsWith) || IsSubmissionType(type)) continue;
            string parameters = string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"));
            string location = frame.GetFileName() is { Length: > 0 } file ? $" in {Path.GetFileName(file)}:line {frame.GetFileLineNumber()}" : "";
            yield return $"   at {Readable(fullName)}.{method.Name}({parameters}){location}";
        }
    }

    /// <summary>Cells compile with file name "cell [N]"; frames carrying it are the user's.</summary>
    private static string? SubmissionCell(StackFrame frame) =>
        frame.GetFileName() is { } file && file.StartsWith(ExecutionSession.CellFilePrefix, StringComparison.Ordinal) ? file : null;

    private static bool IsSubmissionType(Type type)
    {
        for (Type? t = type; t is not null; t = t.DeclaringType)
            if (t.Name.StartsWith("Submission#", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The name the user wrote: methods as is; local functions, lambdas and async bodies decoded; top-level code empty.</summary>
    private static string UserMethodName(MethodBase method, Type type)
    {
        string name = method.Name;
        if (name == "MoveNext" && StateMachineName().Match(type.Name) is { Success: true } machine) name = machine.Groups[1].Value;
        if (LocalFunctionName().Match(name) is { Success: true } local) return local.Groups[1].Value;
        if (name.StartsWith("<", StringComparison.Ordinal)) return name.Contains(">b__", StringComparison.Ordinal) ? "lambda" : "";
        return name;
    }

    private static string Readable(string typeName) => typeName.Replace('+', '.');

    [GeneratedRegex(@"^<(.+)>d__\d+$")]
    private static partial Regex StateMachineName();

    [GeneratedRegex(@"^<.*>g__(\w+)\|")]
    private static partial Regex LocalFunctionName();
}
