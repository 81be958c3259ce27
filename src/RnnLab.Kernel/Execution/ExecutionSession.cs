using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using RnnLab.Kernel.Directives;
using RnnLab.Kernel.Interactive;
using RnnLab.Kernel.Packages;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// Runs C# cells with Roslyn scripting, keeping declarations and values across cells. Knows
/// nothing about ZeroMQ or notebooks: the kernel and the runner both drive it, publishing the
/// <see cref="CellOutput"/>s it emits. Not thread-safe: one cell at a time.
/// </summary>
public sealed class ExecutionSession
{
    /// <summary>Cells compile with this file name plus "N]" so stack frames say which cell they are in.</summary>
    public const string CellFilePrefix = "cell [";

    private static readonly string[] DefaultImports =
    [
        "System", "System.IO", "System.Linq", "System.Text", "System.Collections", "System.Collections.Generic",
        "System.Threading", "System.Threading.Tasks", "RnnLab.Kernel.Interactive",
    ];

    private readonly ExecutionSessionOptions _settings;
    private readonly SessionLoadContext _loadContext;
    private readonly SessionPackageGraph _packages;
    private readonly ProjectBuilder _projects;
    private readonly List<string> _packageSources = [];
    private readonly HashSet<string> _referencedPaths = new(StringComparer.Ordinal);
    /// <summary>Loaded #:project files and the input stamp of the build that was loaded.</summary>
    private readonly Dictionary<string, string> _loadedProjects = new(StringComparer.Ordinal);
    private ScriptOptions _scriptOptions;
    private ScriptState<object>? _state;

    public ExecutionSession(ExecutionSessionOptions? options = null)
    {
        _settings = options ?? new ExecutionSessionOptions();
        _loadContext = new SessionLoadContext("rnnlab-session");
        _packages = new SessionPackageGraph(new NuGetPackageResolver(_settings.CacheRoot), _loadContext);
        _projects = new ProjectBuilder(_settings.CacheRoot);
        ConsoleRouter.Install();
        LibraryContract.Publish();
        FormatterRegistrations.WatchForFormattingAssembly();
        // A new session starts like a fresh kernel, also when the runner executes several notebooks in one process.
        FormatterRegistrations.Reset();
        _scriptOptions = ScriptOptions.Default
            .WithReferences(ReferenceAssemblies.Default.Value)
            .WithImports(DefaultImports)
            .WithLanguageVersion(LanguageVersion.Preview)
            .WithEmitDebugInformation(true)
            .WithAllowUnsafe(true)
            .WithOptimizationLevel(OptimizationLevel.Debug);
    }

    /// <summary>The count of the last cell stored in history (Jupyter's In [n]).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The notebook folder this session resolves paths against.</summary>
    public string WorkingDirectory => _settings.WorkingDirectory;

    /// <summary>
    /// Pays Roslyn's first-use cost (JIT, metadata, binding every reference) before the first real
    /// cell: runs a script that declares nothing and keeps it as the root of the session's chain, so
    /// the first cell continues from an already-bound compilation instead of binding all references
    /// again. Only for a fresh session; a failure leaves the session as it was.
    /// </summary>
    public void WarmUp()
    {
        if (_state is not null) return;
        try
        {
            using var source = new MemoryStream("new List<int> { 1 }.Select(i => i + 1).Sum()"u8.ToArray());
            _state = CSharpScript.Create(source, _scriptOptions.WithFilePath(CellFilePrefix + "0]"), typeof(KernelGlobals))
                .RunAsync(new KernelGlobals()).GetAwaiter().GetResult();
        }
        catch (CompilationErrorException)
        {
            // Warm-up is an optimisation only.
        }
    }

    /// <summary>
    /// The first completion binds a whole cell against every reference: a front end's idle moment is
    /// the time to pay that, before the user presses Tab (never before the first cell runs).
    /// </summary>
    public void WarmUpCompletion()
    {
        try
        {
            Intellisense.CellCompleter.Complete(CompletionContext, "Math.Sq", 7);
        }
        catch (Exception e)
        {
            // A failure here must not stop the kernel from executing.
            ConsoleRouter.OriginalError.WriteLine($"[rnnlab-kernel] completion warm-up failed: {e.Message}");
        }
    }

    /// <summary>
    /// What completion and inspection compile the edited cell against: the last chained submission and the
    /// current references and imports. Safe to read from another thread while a cell runs (both are immutable).
    /// </summary>
    public Intellisense.SubmissionContext CompletionContext => new(_state?.Script, _scriptOptions);

    /// <summary>
    /// Runs one cell. Outputs reach <paramref name="publish"/> in order, from this thread or (for
    /// live console text) a timer thread, never concurrently. Never throws for anything the cell does.
    /// </summary>
    /// <param name="readInput">Asks the front end for a line (prompt, password); null when it cannot.</param>
    public CellResult Execute(string code, Action<CellOutput> publish, CancellationToken cancellation = default, bool storeHistory = true,
        Func<string, bool, string>? readInput = null)
    {
        if (storeHistory) ExecutionCount++;
        int count = ExecutionCount;
        using var channel = new CellOutputChannel(publish, _settings.DisplayIdPrefix, cancellation) { ReadInput = readInput };
        channel.Enter();
        _loadContext.Enter();
        using var interruption = Interruption.BeginCell(cancellation);
        ErrorOutput? error;
        using (new CellThreadWaker(cancellation))
        {
            try
            {
                error = Run(code, count, channel, cancellation);
            }
            catch (Exception unexpected)
            {
                // A kernel survives any cell: even a failure of our own becomes the cell's error.
                error = IsInterruption(unexpected, cancellation) ? Interrupted(count) : ExceptionFormatter.Format(unexpected);
            }
        }
        if (error is not null)
        {
            error = HidePaths(error);
            channel.Publish(error);
        }
        channel.Complete();
        return new CellResult(count, error);
    }

    private ErrorOutput? Run(string code, int count, CellOutputChannel channel, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        ParsedCell cell;
        try
        {
            cell = DirectiveParser.Parse(code);
            foreach (var directive in cell.Directives) Apply(directive, channel);
        }
        catch (DirectiveError e)
        {
            return new ErrorOutput("DirectiveError", e.Message, e.Message.Split('\n'));
        }
        var error = string.IsNullOrWhiteSpace(cell.Code) ? null : RunCode(cell.Code, count, channel, cancellation);
        if (error is not null) return error;
        foreach (var directive in cell.Directives)
        {
            if (directive is ContentMagicDirective content) channel.Publish(SessionMagics.Content(content));
            else if (directive is MagicDirective { Name: not "time" } report) channel.Publish(SessionMagics.Report(report.Name, _state));
        }
        if (cell.Directives.Any(d => d is MagicDirective { Name: "time" })) channel.Publish(SessionMagics.WallTime(clock));
        return null;
    }

    private ErrorOutput? RunCode(string code, int count, CellOutputChannel channel, CancellationToken cancellation)
    {
        var options = _scriptOptions.WithFilePath(CellFilePrefix + count.ToString(CultureInfo.InvariantCulture) + "]");
        var script = CreateScript(code, options);
        var errors = script.Compile(cancellation).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) return CompileError(errors);

        // Loops get an interruption check (diagnostics above came from the code as written, so their columns are right).
        var root = script.GetCompilation().SyntaxTrees.Last().GetRoot(cancellation);
        if (LoopInterruptionRewriter.HasLoops(root))
        {
            var interruptible = CreateScript(new LoopInterruptionRewriter().Visit(root).ToFullString(), options);
            if (!interruptible.Compile(cancellation).Any(d => d.Severity == DiagnosticSeverity.Error)) script = interruptible;
        }

        var run = _state is null
            ? script.RunAsync(new KernelGlobals(), _ => true, cancellation)
            : script.RunFromAsync(_state, _ => true, cancellation);
        var state = run.GetAwaiter().GetResult();
        // Keep the new state even after an exception: what the cell declared and assigned before it threw stays usable.
        // A cell that declares nothing is not chained: Roslyn keeps every chained cell's compilation alive, so
        // skipping these keeps memory flat over long sessions; its effects on existing variables persist anyway.
        if (_state is null || DeclaresState(script.GetCompilation())) _state = state;
        if (state.Exception is not null)
            return IsInterruption(state.Exception, cancellation) ? Interrupted(count) : ExceptionFormatter.Format(state.Exception);

        if (HasTrailingValue(script.GetCompilation())) channel.Publish(new ExecuteResultOutput(ValueFormatter.Format(state.ReturnValue), count));
        return null;
    }

    private Script<object> CreateScript(string code, ScriptOptions options)
    {
        // A stream gives the source an encoding, which Roslyn needs to emit the debug info behind cell line numbers.
        using var source = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(code));
        return _state is null
            ? CSharpScript.Create(source, options, typeof(KernelGlobals))
            : _state.Script.ContinueWith(source, options);
    }

    /// <summary>True when later cells could refer to something this cell introduces (variables, members, types, usings).</summary>
    private static bool DeclaresState(Compilation compilation)
    {
        if (compilation.SyntaxTrees.Last().GetRoot() is not CompilationUnitSyntax root) return true;
        return root.Usings.Count > 0 || root.Externs.Count > 0 || root.Members.Any(member => member is not GlobalStatementSyntax
            { Statement: not (LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax) }
            // `var (a, b) = ...`, `out var x` and `is T x` in a top-level statement also become script variables.
            // Counting designations inside lambdas or blocks too only keeps a cell that did not need keeping.
            || member.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Any());
    }

    /// <summary>The exceptions an interrupt produces: the token observed, or a Sleep/Wait woken.</summary>
    private static bool IsInterruption(Exception exception, CancellationToken cancellation) =>
        cancellation.IsCancellationRequested && exception is OperationCanceledException or ThreadInterruptedException;

    private static ErrorOutput Interrupted(int count) =>
        new("Interrupted", $"cell [{count}] was interrupted; variables from earlier cells are kept.",
            [$"Interrupted: cell [{count}] was stopped before it finished; variables from earlier cells are kept."]);

    /// <summary>True when the cell ends in an expression without a semicolon whose type is not void: that is the cell's result.</summary>
    private static bool HasTrailingValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not CompilationUnitSyntax root
            || root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static ErrorOutput CompileError(IReadOnlyList<Diagnostic> errors)
    {
        var lines = errors.Select(d =>
        {
            var start = d.Location.GetLineSpan().StartLinePosition;
            return $"({start.Line + 1},{start.Character + 1}): error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
        }).Distinct().ToList();
        string summary = lines.Count == 1 ? lines[0] : $"{lines.Count} compile errors; the first is {lines[0]}";
        return new ErrorOutput("CompilationError", summary, lines);
    }

    private void Apply(Directive directive, CellOutputChannel channel)
    {
        switch (directive)
        {
            case AssemblyReferenceDirective reference:
                string path = Path.GetFullPath(Path.Combine(WorkingDirectory, reference.Path));
                // #r "System.Data.Common.dll" (or without .dll) names a framework assembly outside the default set.
                string? framework = ReferenceAssemblies.FrameworkPath(Path.GetFileNameWithoutExtension(reference.Path));
                if (!File.Exists(path) && framework is not null && !reference.Path.Contains('/')) path = framework;
                if (!File.Exists(path))
                    throw new DirectiveError($"#r: no assembly at '{reference.Path}' (paths are relative to the notebook's folder).");
                _loadContext.Add(Path.GetFileNameWithoutExtension(path), path);
                // Its neighbours may be its dependencies, as when it was copied out of a build's output.
                _loadContext.AddProbeDirectory(Path.GetDirectoryName(path)!);
                AddReferences([path]);
                break;
            case PackageSourceDirective source:
                bool isUrl = Uri.TryCreate(source.Source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
                _packageSources.Add(isUrl ? source.Source : Path.GetFullPath(Path.Combine(WorkingDirectory, source.Source)));
                break;
            case PackageReferenceDirective package:
                string origin = package.Version is null ? $"#r \"nuget: {package.Id}\"" : $"#r \"nuget: {package.Id}, {package.Version}\"";
                using (var progress = new RestoreProgress(channel, $"{package.Id} {package.Version}".Trim()))
                    AddReferences(_packages.Add([new PackageRequest(package.Id, package.Version)], origin, _packageSources, FindNuGetConfig(),
                        progress.Report));
                break;
            case MagicDirective or ContentMagicDirective:
                break;
            case ProjectReferenceDirective project:
                string projectFile = ProjectBuilder.FindProjectFile(Path.Combine(WorkingDirectory, project.Path));
                if (!_loadedProjects.TryGetValue(projectFile, out string? loadedStamp))
                {
                    AddProject(_projects.Build(projectFile, WorkingDirectory), project.Path, channel);
                    _loadedProjects[projectFile] = ProjectBuilder.InputStamp(projectFile);
                }
                // Once loaded, an assembly cannot be replaced in this process: say so rather than silently run the old build.
                else if (ProjectBuilder.InputStamp(projectFile) != loadedStamp)
                    channel.WriteStream("stderr", $"#:project {project.Path}: the project changed after this kernel loaded it; cells keep "
                        + "using the loaded build. Restart the kernel to use the new one.\n");
                break;
        }
    }

    /// <summary>
    /// A built project joins the session's package graph with its packages (restored with the session's other
    /// packages, loaded from NuGet's folder), then its own and its referenced projects' assemblies are referenced.
    /// </summary>
    private void AddProject(ProjectBuild build, string projectPath, CellOutputChannel channel)
    {
        if (build.AssetsFile is not null && ProjectAssetsFile.Load(build.AssetsFile).Packages is { Count: > 0 } packages)
        {
            using var progress = new RestoreProgress(channel, $"the packages of {projectPath}");
            AddReferences(_packages.Add(packages, $"#:project {projectPath}", _packageSources, FindNuGetConfig(), progress.Report));
        }
        foreach (string assembly in build.Assemblies.Where(a => !_packages.Provides(Path.GetFileNameWithoutExtension(a))))
            _loadContext.Add(Path.GetFileNameWithoutExtension(assembly), assembly);
        AddReferences(build.Assemblies.Where(a => !_packages.Provides(Path.GetFileNameWithoutExtension(a))));
        // A library registers its displays (Formatter.Register) in its module initializer, which .NET runs only when
        // code first touches the library: a cell that only shows a tensor would never trigger it. Loading the project
        // is the moment a notebook says it wants the library, as a #r did in Polyglot.
        _loadContext.RunModuleInitializer(build.Assemblies[0]);
    }

    private void AddReferences(IEnumerable<string> assemblies)
    {
        var requested = assemblies.ToList();
        var added = requested.Concat(requested.SelectMany(ReferenceAssemblies.FrameworkDependencies)).Where(_referencedPaths.Add).ToList();
        // The .xml beside an assembly (GenerateDocumentationFile) feeds inspect's summaries.
        _scriptOptions = _scriptOptions.AddReferences(added.Select(p => MetadataReference.CreateFromFile(p,
            documentation: XmlDocumentationFile.For(p))));
    }

    /// <summary>A nuget.config beside the notebook or above it; null lets NuGet use the user's configuration.</summary>
    private string? FindNuGetConfig()
    {
        for (var dir = new DirectoryInfo(WorkingDirectory); dir is not null; dir = dir.Parent)
        {
            var config = dir.EnumerateFiles().FirstOrDefault(f => f.Name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase));
            if (config is not null) return config.FullName;
        }
        return null;
    }

    /// <summary>Outputs must not depend on where the notebook lives: the notebook folder becomes ".".</summary>
    private ErrorOutput HidePaths(ErrorOutput error)
    {
        string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(WorkingDirectory));
        if (folder.Length <= 1) return error;
        string Hide(string text) => text.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
                                        .Replace(folder, ".", StringComparison.Ordinal);
        return error with { Value = Hide(error.Value), Traceback = error.Traceback.Select(Hide).ToList() };
    }
}
