using Microsoft.Data.Sqlite;

namespace Firebreak.Load;

/// <summary>
/// The floor to compare with: a minimal ASP.NET Core endpoint that reads a JSON report and inserts
/// one row into SQLite in WAL mode with synchronous=FULL (Firebreak's durability), answering 201
/// after the commit. Nothing else: no authentication, no validation, no audit.
/// </summary>
internal static class BareServer
{
    public static async Task<int> RunAsync(Options options)
    {
        var file = options.Text("db");
        var port = options.Number("port", 5099);
        var connection = $"Data Source={file};Pooling=True;Default Timeout=30";
        await using (var setup = new SqliteConnection(connection))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS reports (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, at TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync();
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/reports", async (BareReport report) =>
        {
            await using var db = new SqliteConnection(connection);
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL; INSERT INTO reports (title, body, at) VALUES ($t, $b, $a) RETURNING id;";
            command.Parameters.AddWithValue("$t", report.Title ?? "");
            command.Parameters.AddWithValue("$b", report.Description ?? "");
            command.Parameters.AddWithValue("$a", DateTime.UtcNow.ToString("O"));
            var id = (long)(await command.ExecuteScalarAsync())!;
            return Results.Created($"/reports/{id}", new { id });
        });
        Console.WriteLine($"bare endpoint on http://127.0.0.1:{port}/reports, database {file}");
        await app.RunAsync();
        return 0;
    }
}

/// <summary>The part of a report the bare endpoint stores.</summary>
internal sealed record BareReport(string? Title, string? Description);
