using Microsoft.Data.Sqlite;

namespace Firebreak.Load;

/// <summary>
/// The floor to compare with: a minimal ASP.NET Core endpoint that reads a JSON report and inserts
/// one row into SQLite in WAL mode with synchronous=FULL (Firebreak's durability), answering 201
/// after the commit; and the floor for reads, <c>GET /reports/{id}</c>, which reads one row by key
/// and answers it as JSON (rows 1 to 100 are there from the start). Nothing else: no authentication,
/// no validation, no audit.
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
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS reports (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, at TEXT NOT NULL);"
                + " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)"
                + " INSERT OR IGNORE INTO reports (id, title, body, at) SELECT i, 'Seeded report ' || i, 'Reproduction steps for seeded report ' || i, '2026-01-01T00:00:00Z' FROM n;";
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
        app.MapGet("/reports/{id:long}", async (long id) =>
        {
            await using var db = new SqliteConnection(connection);
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT title, body, at FROM reports WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync()
                ? Results.Ok(new BareRow(id, reader.GetString(0), reader.GetString(1), reader.GetString(2)))
                : Results.NotFound();
        });
        Console.WriteLine($"bare endpoint on http://127.0.0.1:{port}/reports, database {file}");
        await app.RunAsync();
        return 0;
    }
}

/// <summary>The part of a report the bare endpoint stores.</summary>
internal sealed record BareReport(string? Title, string? Description);

/// <summary>One stored report as the bare read endpoint answers it.</summary>
internal sealed record BareRow(long Id, string Title, string Body, string At);
