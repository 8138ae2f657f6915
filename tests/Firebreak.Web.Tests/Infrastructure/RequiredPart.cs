namespace Firebreak.Web.Tests.Infrastructure;

/// <summary>
/// The one rule for parts a test needs from the machine (PostgreSQL, SMTP, Chromium): missing locally,
/// the test is skipped with how to provide it; missing under CI=true, it fails, so CI never goes green
/// without them.
/// </summary>
public static class RequiredPart
{
    public static void Require(bool available, string missing, string tests)
    {
        if (available) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{missing} Under CI=true the {tests} tests are mandatory.");
        Assert.Skip(missing);
    }
}
