namespace RnnLab.Kernel.Execution;

/// <summary>Asks the front end for one line of input (Jupyter's input_request); blocks until the reply.</summary>
public delegate string InputRequester(string prompt, bool password, CancellationToken cancellation);
