using Firebreak.Cli.Common;
using Microsoft.Extensions.Time.Testing;

namespace Firebreak.Domain.Tests.Common;

/// <summary>Runs the firebreak CLI in-process with captured streams (and, when given, a fake clock).</summary>
public static class CliHarness
{
    public static (int Exit, string Out, string Err) Run(string[] args, string input = "", DateTimeOffset? now = null,
        IReadOnlyDictionary<string, string>? environment = null, long? feedByteLimit = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(input), output, error);
        if (now is { } instant) context = new CliContext(context.In, output, error) { Time = new FakeTimeProvider(instant) };
        if (environment is not null) context = new CliContext(context.In, output, error) { Time = context.Time, GetEnvironment = name => environment.GetValueOrDefault(name) };
        if (feedByteLimit is { } limit) context = new CliContext(context.In, output, error) { Time = context.Time, GetEnvironment = context.GetEnvironment, FeedByteLimit = limit };
        var exit = Firebreak.Cli.Program.Run(args, context);
        return (exit, output.ToString(), error.ToString());
    }
}
