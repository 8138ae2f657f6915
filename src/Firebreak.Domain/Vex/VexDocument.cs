namespace Firebreak.Domain.Vex;

/// <summary>An OpenVEX 0.2.0 document: who says it, when, and its statements.</summary>
public sealed record VexDocument
{
    /// <summary>The JSON-LD context every OpenVEX 0.2.0 document names.</summary>
    public const string Context = "https://openvex.dev/ns/v0.2.0";

    /// <summary>Creates a document; throws <see cref="ArgumentException"/> for a blank id or author, a version below 1 or no statements.</summary>
    public VexDocument(string id, string author, DateTimeOffset timestamp, int version, IReadOnlyList<VexStatement> statements,
        string? role = null, string? tooling = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentNullException.ThrowIfNull(statements);
        if (statements.Count == 0) throw new ArgumentException("A VEX document needs at least one statement.", nameof(statements));
        Id = id;
        Author = author;
        Timestamp = timestamp;
        Version = version;
        Statements = statements;
        Role = role;
        Tooling = tooling;
    }

    /// <summary>The document's IRI (<c>@id</c>).</summary>
    public string Id { get; }

    /// <summary>Who issued the statements.</summary>
    public string Author { get; }

    /// <summary>When the document was issued.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Document version, from 1; bumped on every change.</summary>
    public int Version { get; }

    /// <summary>The statements, in document order.</summary>
    public IReadOnlyList<VexStatement> Statements { get; }

    /// <summary>The author's role, if given.</summary>
    public string? Role { get; }

    /// <summary>The tool that generated the document, if given.</summary>
    public string? Tooling { get; }
}
