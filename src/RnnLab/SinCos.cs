using RnnLab.Torch;

namespace RnnLab;

/// <summary>The [sin t, cos t] series: a point going round the unit circle, one step at a time.</summary>
public static class SinCos
{
    /// <summary>The sample times: <paramref name="count"/> evenly spaced values from start to end (torch.linspace).</summary>
    public static torch.Tensor Times(int count = 1000, double start = 0, double end = 100) =>
        torch.linspace(start, end, count);

    /// <summary>The points [sin t, cos t] at each time, shape (times, 2).</summary>
    public static torch.Tensor Points(torch.Tensor times) =>
        torch.stack([times.sin(), times.cos()], dim: 1);
}
