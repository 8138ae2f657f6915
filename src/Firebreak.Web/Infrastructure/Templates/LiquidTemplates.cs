using Firebreak.Domain.Common;
using Fluid;
using Fluid.Values;

namespace Firebreak.Web.Infrastructure.Templates;

/// <summary>
/// Liquid templates for communications (acknowledgements, notices, announcements). Templates are
/// written by project maintainers; rendering is bounded (steps and recursion) so a template cannot
/// hang the server, and the output is plain text (Markdown), never trusted as HTML.
/// </summary>
internal sealed class LiquidTemplates
{
    private static readonly FluidParser Parser = new();
    private readonly TemplateOptions _options = new() { MaxSteps = 100_000, MaxRecursion = 20 };

    /// <summary>Checks a template; the error says what is wrong and where.</summary>
    public static string? Check(string? source)
    {
        if (string.IsNullOrWhiteSpace(source)) return "The template is empty.";
        if (source.Length > 50_000) return "The template is longer than 50,000 characters.";
        return Parser.TryParse(source, out _, out var error) ? null : error;
    }

    /// <summary>Renders a template meant for one line (a subject): line breaks in the result become spaces.</summary>
    public async Task<string> RenderLineAsync(string source, IReadOnlyDictionary<string, object?> values) => OneLine(await RenderAsync(source, values));

    /// <summary>Text on one line: line breaks become single spaces, the ends trimmed.</summary>
    public static string OneLine(string text) => string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>Renders the template with the given values (nested dictionaries become objects).</summary>
    public async Task<string> RenderAsync(string source, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!Parser.TryParse(source, out var template, out var error)) throw new DomainException($"The template does not parse: {error}");
        var context = new TemplateContext(_options);
        foreach (var (name, value) in values) context.SetValue(name, FluidValue.Create(value, _options));
        try
        {
            return await template.RenderAsync(context, NullEncoder.Default);
        }
        catch (InvalidOperationException e)
        {
            throw new DomainException($"The template could not be rendered: {e.Message}");
        }
    }
}
