namespace Chat.Tests.Infrastructure;

/// <summary>
/// A benchmark kept beside the tests (it needs their internals and samples): skipped, and reported as
/// skipped, unless <c>{variable}=1</c> asks for it, so a suite run never counts it as a passing test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute(string variable)
    {
        if (Environment.GetEnvironmentVariable(variable) != "1")
        {
            Skip = $"a benchmark: set {variable}=1 to run it";
        }
    }
}
