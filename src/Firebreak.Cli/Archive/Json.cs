using System.Text.Json;

namespace Firebreak.Cli.Archive;

/// <summary>Reads the archive's JSON members with the path of what is missing in the error.</summary>
internal static class Json
{
    public static string Text(JsonElement element, string name, string path = "$") =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()! : throw new FormatException($"{path}.{name} is missing or not a string");

    public static long Number(JsonElement element, string name, string path = "$") =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number : throw new FormatException($"{path}.{name} is missing or not a whole number");

    public static bool Flag(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static JsonElement Array(JsonElement element, string name, string path = "$") =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value : throw new FormatException($"{path}.{name} is missing or not an array");
}
