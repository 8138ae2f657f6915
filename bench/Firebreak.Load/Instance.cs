using System.Text.Json.Nodes;

namespace Firebreak.Load;

/// <summary>A fresh server's first administrator (made with the server's own <c>admin create-user --token</c>) and one project to load.</summary>
internal sealed class Instance(ServerProcess.Settings settings, string token, string slug)
{
    private static readonly string[] Contacts = ["security@battery.example"];

    public string Token => token;
    public string Slug => slug;
    public ServerProcess.Settings Settings => settings;

    public static async Task<Instance> CreateAsync(ServerProcess.Settings settings, TextWriter log)
    {
        var (code, output, error) = await ServerProcess.RunCommandAsync(settings, "admin", "create-user", "--email", $"battery-{Guid.NewGuid():N}@example.test", "--admin", "--token");
        if (code != 0) throw new InvalidOperationException($"admin create-user failed ({code}): {output} {error}");
        // The token is alone on the last line of standard output (log lines may come before it).
        var token = output.Split('\n')[^1].Trim();
        if (!token.StartsWith("fbk_", StringComparison.Ordinal)) throw new InvalidOperationException($"admin create-user printed no token last: {output}");
        var slug = $"battery-{Guid.NewGuid():N}"[..16];
        using var server = await ServerProcess.StartAsync(settings, log);
        try
        {
            using var http = Client(token, 1);
            using var created = await http.PostAsJsonAsync(new Uri(settings.Url, "/api/v1/projects"),
                new { slug, name = "Battery", repositoryUrl = "https://example.org/battery", securityContacts = Contacts });
            if ((int)created.StatusCode != 201) throw new InvalidOperationException($"creating the project: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }
        finally
        {
            await server.StopAsync();
        }
        return new Instance(settings, token, slug);
    }

    public static HttpClient Client(string? token, int connections)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(120) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    private const int PageSize = 200;

    /// <summary>Every incident of the project, as (number, title), through the API an operator would use.</summary>
    public async Task<List<(int Number, string Title)>> StoredAsync()
    {
        using var http = Client(token, 1);
        http.Timeout = TimeSpan.FromMinutes(10);
        var stored = new List<(int Number, string Title)>();
        for (var page = 1; ; page++) // the list is paged (X-Total-Count and Link headers); read every page
        {
            var list = (await http.GetFromJsonAsync<JsonArray>(new Uri(settings.Url, $"/api/v1/projects/{slug}/incidents?state=all&pageSize={PageSize}&page={page}")))!;
            stored.AddRange(list.Select(i => ((int)i!["number"]!, (string)i["title"]!)));
            if (list.Count < PageSize) return stored;
        }
    }
}
